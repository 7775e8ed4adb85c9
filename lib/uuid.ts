const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text is a UUID (as a device makes them for sessions, slots and sets). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
