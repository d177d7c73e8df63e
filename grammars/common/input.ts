// What the parsers accept as a file: a string, or the bytes of one (a Buffer from readFileSync),
// decoded as UTF-8 the way the daemons read it. Anything else is a caller's mistake and gets a
// TypeError that says so, rather than failing deep inside the scanner.

/** The file's text. Bytes are decoded as UTF-8; a byte order mark is kept, as the daemons keep it. */
export function textOfInput(input: unknown, caller: string): string {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) return new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);
  const got = input === null ? "null" : Array.isArray(input) ? "an array" : typeof input;
  throw new TypeError(`${caller} expects the file's text as a string (or its bytes as a Buffer or Uint8Array), got ${got}`);
}
