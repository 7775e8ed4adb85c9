/**
 * The soak's verdicts, as plain functions of what the clients saw and what the database holds:
 * every set a client saw acknowledged is stored exactly once, in its session and slot, with the values
 * sent; no session holds one set twice (two rows at one place of one slot, which a retried save that
 * was not idempotent would leave); and every webhook event queued was received at least once and at
 * most twice (the outbox sends at least once; a sender killed between the receiver's answer and the
 * row's update sends it once more).
 */

/** A set as a client sent it and then saw acknowledged, or as a row of session_sets. */
export type SoakSet = {
  uid: string;
  sessionUid: string;
  slotId: string;
  position: number;
  weightKg: number;
  reps: number;
};

export type SetVerdict = {
  acknowledged: number;
  storedOnce: number;
  /** Acknowledged, and not in the database. */
  missing: string[];
  /** Acknowledged, and stored more than once under its identity. */
  storedTwice: string[];
  /** Stored once, but in another session or slot, or with other values than were sent. */
  altered: string[];
  /** "session/slot/position" places that hold more than one set. */
  placesHeldTwice: string[];
};

export function checkSets(acknowledged: readonly SoakSet[], stored: readonly SoakSet[]): SetVerdict {
  const byUid = new Map<string, SoakSet[]>();
  for (const row of stored) byUid.set(row.uid, [...(byUid.get(row.uid) ?? []), row]);
  const verdict: SetVerdict = {
    acknowledged: acknowledged.length,
    storedOnce: 0,
    missing: [],
    storedTwice: [],
    altered: [],
    placesHeldTwice: [],
  };
  for (const set of acknowledged) {
    const rows = byUid.get(set.uid) ?? [];
    if (rows.length === 0) verdict.missing.push(set.uid);
    else if (rows.length > 1) verdict.storedTwice.push(set.uid);
    else if (
      rows[0].sessionUid !== set.sessionUid ||
      rows[0].slotId !== set.slotId ||
      rows[0].weightKg !== set.weightKg ||
      rows[0].reps !== set.reps
    )
      verdict.altered.push(set.uid);
    else verdict.storedOnce++;
  }
  const places = new Map<string, number>();
  for (const row of stored) {
    const place = `${row.sessionUid}/${row.slotId}/${row.position}`;
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  verdict.placesHeldTwice = [...places].filter(([, n]) => n > 1).map(([place]) => place);
  return verdict;
}

export function setsHold(verdict: SetVerdict): boolean {
  return (
    verdict.storedOnce === verdict.acknowledged &&
    verdict.missing.length + verdict.storedTwice.length + verdict.altered.length + verdict.placesHeldTwice.length === 0
  );
}

export type DeliveryVerdict = {
  events: number;
  /** Queued and never received. */
  lost: string[];
  /** Received twice: allowed (at most one duplicate). */
  twice: number;
  /** Received more than twice. */
  tooOften: string[];
  /** Received and never queued. */
  unknown: string[];
};

/** `queued`: the event ids the database queued; `received`: every event id the receiver was sent, repeats included. */
export function checkDeliveries(queued: readonly string[], received: readonly string[]): DeliveryVerdict {
  const counts = new Map<string, number>();
  for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
  const known = new Set(queued);
  return {
    events: known.size,
    lost: [...known].filter((id) => !counts.has(id)),
    twice: [...known].filter((id) => counts.get(id) === 2).length,
    tooOften: [...known].filter((id) => (counts.get(id) ?? 0) > 2),
    unknown: [...counts.keys()].filter((id) => !known.has(id)),
  };
}

export function deliveriesHold(verdict: DeliveryVerdict): boolean {
  return verdict.lost.length + verdict.tooOften.length + verdict.unknown.length === 0;
}
