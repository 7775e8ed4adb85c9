/**
 * Workouts for Garmin on a phone: the finished session's "Download for Garmin (.fit)" delivers a file
 * Garmin's SDK reads back with the session's sets, another athlete's workout is not found, and the
 * profile's range form checks its days beside the fields and delivers a zip of .fit files.
 */
import fs from "node:fs";
import { Decoder, Stream } from "@garmin/fitsdk";
import { fromBuffer, type ZipFile } from "yauzl";
import { expect, test } from "./fixtures";
import { DEMO, signIn, signUp } from "./helpers";
import { overflowsSideways, seriousViolations } from "./a11y";

test.use({ viewport: { width: 390, height: 844 } });

type Messages = Record<string, Record<string, unknown>[] | undefined>;

function decodeFit(bytes: Buffer): Messages {
  const decoder = new Decoder(Stream.fromBuffer(bytes));
  expect(decoder.checkIntegrity(), "the SDK's integrity check passes").toBe(true);
  const { messages, errors } = decoder.read();
  expect(errors).toEqual([]);
  return messages as unknown as Messages;
}

async function zipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      }),
    );
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

const day = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

test("a finished session downloads for Garmin as a .fit holding its sets; another athlete's is not found", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.athlete);
  await page.goto("/history");
  await page.getByRole("list", { name: "Sessions, newest first" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/history\/\d+$/);
  const sessionId = page.url().split("/").at(-1)!;
  const rows = page.locator("tbody tr[data-set-type]");
  const setCount = await rows.count();
  expect(setCount).toBeGreaterThan(0);

  const link = page.getByRole("link", { name: "Download for Garmin (.fit)" });
  await expect(link).toBeVisible();
  expect(await overflowsSideways(page)).toEqual([]);
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}-[a-z0-9-]+-${sessionId}\\.fit$`));
  const fit = decodeFit(fs.readFileSync((await download.path())!));
  expect(fit.fileIdMesgs![0]).toMatchObject({ type: "activity" });
  expect(fit.sessionMesgs![0]).toMatchObject({ sport: "training", subSport: "strengthTraining" });
  const active = fit.setMesgs!.filter((s) => s.setType === "active");
  expect(active).toHaveLength(setCount);
  // The page's set rows and the file's sets agree on the warm-ups, in order.
  const types = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-set-type")));
  expect(active.map((s) => ((s.category as string[] | undefined)?.[0] === "warmUp" ? "warmup" : "other"))).toEqual(
    types.map((t) => (t === "warmup" ? "warmup" : "other")),
  );

  // Another athlete asking for that workout by its id: not found, and no file.
  const stranger = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const strangerPage = await stranger.newPage();
  await signUp(strangerPage, "garmin-stranger", "squat-bench-deadlift");
  const refused = await strangerPage.request.get(`/api/sessions/${sessionId}/fit`);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ error: "That session was not found." });
  await stranger.close();
});

test("a range of days downloads as a zip of .fit files, with wrong days said beside the fields", async ({ page }) => {
  await signIn(page, DEMO.athlete);
  await page.goto("/profile");
  const form = page.getByRole("form", { name: "Download for Garmin" });
  const from = form.getByLabel("First day");
  const to = form.getByLabel("Last day");

  await from.fill(day(0));
  await to.fill(day(3 * 86_400_000));
  await form.getByRole("button", { name: "Download for Garmin (.zip of .fit)" }).click();
  await expect(to).toHaveAccessibleDescription("The last day must be on or after the first.");
  // The form alone: the profile's assessment form below it has contrast findings of its own.
  expect(await seriousViolations(page, 'form[aria-label="Download for Garmin"]')).toEqual([]);
  expect(await overflowsSideways(page)).toEqual([]);

  await from.fill(day(40 * 86_400_000));
  await to.fill(day(0));
  const downloading = page.waitForEvent("download");
  await form.getByRole("button", { name: "Download for Garmin (.zip of .fit)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`ironlog-garmin-${day(40 * 86_400_000)}-to-${day(0)}.zip`);
  await expect(form.getByRole("status")).toContainText(/Downloading \d+ workouts? as a zip of \.fit files\./);
  const files = await zipEntries(fs.readFileSync((await download.path())!));
  expect(files.size).toBeGreaterThan(1);
  for (const [name, bytes] of files) {
    expect(name).toMatch(/\.fit$/);
    const fit = decodeFit(bytes);
    expect(fit.activityMesgs).toHaveLength(1);
  }
});
