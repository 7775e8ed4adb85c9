/**
 * Text no keyboard types and the database cannot store. Postgres refuses NUL in text columns, and a
 * `\u0000` escape or a lone UTF-16 surrogate in jsonb: each was a 500 from a pasted or forged value.
 * Tab, newline and carriage return are ordinary text (notes are multi-line) and pass.
 */

const UNSAFE_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE =
  "This text holds invisible control characters that cannot be saved. Retype it (or paste it as plain text) and try again.";

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

/**
 * The first place (a dotted path such as "sets.2.notes", or "" for the value itself) where a string or
 * an object key holds unsafe characters, or undefined when every text is clean. Walks iteratively, so a
 * forged body nested thousands of levels deep cannot overflow the stack.
 */
export function findUnsafeText(value: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      if (hasUnsafeCharacters(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: join(path, String(i)) });
    } else if (current !== null && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i];
        if (hasUnsafeCharacters(key)) return join(path, "form");
        pending.push({ value: inner, path: join(path, key) });
      }
    }
  }
  return undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
