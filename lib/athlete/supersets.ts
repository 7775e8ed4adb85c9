/**
 * Supersets in the logger: exercises sharing a group number are done one after the other, and the
 * rest comes after the group's last exercise. Groups are named A, B, … in the order they first
 * appear; a group number held by one exercise only is no superset.
 */
export type SupersetSlot = { id: string; supersetGroup: number | null };

export type SupersetPlace = { label: string; position: number; size: number; members: string[] };

/** Each grouped slot's superset: its label, its place (1-based) and the group's members in order. */
export function supersetPlaces(slots: readonly SupersetSlot[]): Map<string, SupersetPlace> {
  const members = new Map<number, string[]>();
  for (const slot of slots) {
    if (slot.supersetGroup === null) continue;
    members.set(slot.supersetGroup, [...(members.get(slot.supersetGroup) ?? []), slot.id]);
  }
  const places = new Map<string, SupersetPlace>();
  let letter = 0;
  for (const ids of members.values()) {
    if (ids.length < 2) continue;
    const label = `Superset ${String.fromCharCode(65 + (letter++ % 26))}`;
    ids.forEach((id, i) => places.set(id, { label, position: i + 1, size: ids.length, members: ids }));
  }
  return places;
}

/**
 * What follows a set logged in `slotId`: within a superset, straight on to the next exercise with no
 * rest; after its last exercise, the rest, then back to its first for the next round. Outside a
 * superset: the rest, and the same exercise.
 */
export function afterSetLogged(slots: readonly SupersetSlot[], slotId: string): { rest: boolean; nextSlotId: string | null } {
  const place = supersetPlaces(slots).get(slotId);
  if (!place) return { rest: true, nextSlotId: null };
  if (place.position < place.size) return { rest: false, nextSlotId: place.members[place.position] };
  return { rest: true, nextSlotId: place.members[0] };
}
