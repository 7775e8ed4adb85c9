import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ id: "evt", type: "workout.finished" });

describe("webhook signatures", () => {
  it("verify with the secret, the timestamp and the exact body", () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature(secret, header, body, 1_700_000_010)).toEqual({ ok: true, timestamp: 1_700_000_000 });
  });

  it("refuse another secret or a changed body", () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature("whsec_other", header, body, 1_700_000_000)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, header, body.replace("finished", "deleted"), 1_700_000_000)).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuse a replay: a genuine signature whose timestamp is older than the tolerance", () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature(secret, header, body, 1_700_000_000 + 301)).toEqual({ ok: false, reason: "too_old" });
    expect(verifySignature(secret, header, body, 1_700_000_000 + 300).ok).toBe(true);
  });

  it("refuse a timestamp moved forward to look fresh (it is part of what is signed)", () => {
    const header = signatureHeader(secret, body, 1_700_000_000).replace("t=1700000000", "t=1700009999");
    expect(verifySignature(secret, header, body, 1_700_009_999)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accept any one of several v1 signatures (a secret being rolled)", () => {
    const good = signatureHeader(secret, body, 1_700_000_000);
    const header = `${good.split(",")[0]},v1=${"0".repeat(64)},${good.split(",")[1]}`;
    expect(verifySignature(secret, header, body, 1_700_000_000).ok).toBe(true);
  });

  it.each([null, "", "v1=abc", "t=soon,v1=abc", "t=1700000000"])("call %j malformed", (header) => {
    expect(verifySignature(secret, header, body, 1_700_000_000)).toEqual({ ok: false, reason: "malformed" });
  });
});
