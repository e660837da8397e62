// The first byte that breaks UTF-8 in a line. Whole blocks are checked first with
// buffer.isUtf8 (simdutf, gigabytes a second); this byte-by-byte walk only runs on a
// line already known to be broken, to say where.

/** Index (from `start`) of the first byte of an invalid sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i - start;
    if (i + need >= end) return i - start; // the line ends inside the sequence
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i - start;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i - start;
    i += need + 1;
  }
  return -1;
}

export function describeByte(buf: Uint8Array, index: number): string {
  return `0x${(buf[index] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
}
