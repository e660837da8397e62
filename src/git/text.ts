// Bytes from git into text. Git prints paths and messages as raw bytes: a message may be
// in a legacy encoding, a path may be C-quoted ("a/tab\there", "caf\303\251"). Everything
// that leaves src/git/ must be valid UTF-8, so these helpers never fail: they fall back.
import { isUtf8 } from "node:buffer";

/**
 * UTF-8 when the bytes are valid UTF-8, else Latin-1 (every byte is a character, so the
 * result is valid text and the commonest legacy encoding reads right). Git re-encodes a
 * message that declares its encoding (log --encoding=UTF-8); this covers those that lie.
 */
export function decodeLenient(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buffer) ? buffer.toString("utf8") : buffer.toString("latin1");
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/**
 * Reads a C-quoted string as git writes it (quote_c_style in git's quote.c) starting at
 * `text[start] === '"'`. Returns the unquoted bytes decoded leniently and the index just
 * after the closing quote, or undefined when the quote is not closed.
 */
export function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return { value: decodeLenient(Uint8Array.from(bytes)), end: i + 1 };
    if (ch === "\\") {
      const next = text[i + 1] ?? "";
      if (/[0-7]/.test(next)) {
        // Octal escapes are bytes of the UTF-8 (or other) encoding of the name.
        const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0];
        bytes.push(parseInt(octal, 8) & 0xff);
        i += 1 + octal.length;
        continue;
      }
      const escaped = ESCAPES[next];
      bytes.push(...(escaped === undefined ? Buffer.from(next, "utf8") : [escaped]));
      i += 2;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    bytes.push(...Buffer.from(char, "utf8"));
    i += char.length;
  }
  return undefined;
}

/** A path as printed in a header line: C-quoted or bare. */
export function unquotePath(text: string): string {
  if (text.startsWith('"')) {
    const quoted = readQuoted(text, 0);
    if (quoted) return quoted.value;
  }
  return text;
}
