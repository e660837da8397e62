// One line of a PEM body, as it stands in a diff or in code: the reading that pem-body.ts
// builds its runs of lines from.

export interface BodyLine {
  /** The base64 value's offsets (the line's own start and end are not needed). */
  start: number;
  end: number;
  /** Exactly `width` characters, no padding, upper and lower case and digits: a line inside a body. */
  full: boolean;
  /** Fewer characters, or "=" padding, and base64-like: a body's last line. */
  last: boolean;
  /** PGP's "=AbCd" checksum after the last line. */
  checksum: boolean;
}

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const TAB = 9;

/**
 * Reads text[from, to) as a body line: a diff's sign (or a hunk header, whose function-context
 * text is the value), indentation, a quote, the base64 value, then what code around it may
 * add: "\n", a closing quote, a comma or "+", "\r".
 */
export function bodyLine(text: string, from: number, to: number, width: number): BodyLine | undefined {
  let i = from;
  let sign = 0;
  if (text.startsWith("@@ ", from)) {
    // Within the line: a header without text has no " @@ ", and a search past it would read on.
    const close = text.slice(from, to).indexOf(" @@ ", 3);
    if (close === -1) return undefined;
    i = from + close + 4;
  } else {
    const c = text.charCodeAt(i);
    if (c === PLUS || c === MINUS || c === SPACE) {
      sign = c;
      i++;
    }
  }
  const signEnd = i;
  while (i < to && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  const q = text.charCodeAt(i);
  if (q === 34 || q === 39 || q === 96) i++;
  const start = i;
  let upper = false;
  let lower = false;
  let digit = false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c !== PLUS && c !== 47) break;
  }
  const length = i - start;
  let pad = 0;
  while (pad < 2 && text.charCodeAt(i) === 61) {
    i++;
    pad++;
  }
  if (length === 0 && pad === 1) {
    // PGP's checksum: "=" and four base64 characters.
    let k = i;
    while (k < to && k - i < 5 && isBase64(text.charCodeAt(k))) k++;
    if (k - i !== 4 || !tailOnly(text, k, to)) return undefined;
    return { start, end: k, full: false, last: false, checksum: true };
  }
  if (length === 0 || !tailOnly(text, i, to)) return undefined;
  // A raw key's line that starts with "+" is not a diff's added line.
  const value = sign === PLUS && signEnd === start && length === width - 1 && pad === 0 ? width : length;
  const valueStart = value === length ? start : start - 1;
  if (value + pad > width) return undefined;
  const full = value === width && pad === 0 && upper && lower && digit;
  // A last line is base64 too: padded, or of two kinds of character at least (not a word of
  // code such as "end"), and in PEM a whole number of 4-character groups.
  const last = !full && (pad > 0 || Number(upper) + Number(lower) + Number(digit) >= 2) && (width !== 64 || (value + pad) % 4 === 0);
  if (!full && !last) return undefined;
  return { start: valueStart, end: i, full, last, checksum: false };
}

/** Nothing but what code puts after a value: a "\n" escape, quotes, ",", ";", "+", "\", blanks, "\r". */
function tailOnly(text: string, from: number, to: number): boolean {
  let i = from;
  if (text.startsWith("\\r\\n", i)) i += 4;
  else if (text.startsWith("\\n", i)) i += 2;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 34 || c === 39 || c === 96 || c === 44 || c === 59 || c === PLUS || c === 92 || c === SPACE || c === TAB || c === 13)) return false;
  }
  return true;
}

// A table rather than comparisons: the sampling loop's cost is mostly this test.
const BASE64 = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") BASE64[c.charCodeAt(0)] = 1;

export function isBase64(c: number): boolean {
  return c < 128 && BASE64[c] === 1;
}
