// Duplicates in constant memory per record: each record is remembered as 64 bits of the
// SHA-256 of its identity, with its line number, in flat typed arrays (12 bytes a slot at
// most half full: about 24 bytes a record, 24 MB for a million). At 64 bits, a false
// "duplicate" needs ~4 billion records to become likely.
import { createHash } from "node:crypto";

// The parts are written as UTF-8 into one scratch buffer and hashed in one update: a
// third faster than an update per string (each a call into C++ that encodes its own copy).
// The bytes hashed are the same. The buffer grows up to 1 MB; longer records are fed in pieces.
const MAX_SCRATCH = 1 << 20;
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/** 64 bits of the SHA-256 of the parts, each prefixed by its length so that parts cannot run into each other. */
export function identityHash(parts: readonly string[]): [number, number] {
  const h = createHash("sha256");
  let n = 0;
  for (const part of parts) {
    // 3 bytes of UTF-8 at most per UTF-16 unit, plus the length prefix.
    const need = part.length * 3 + 24;
    if (n + need > scratch.length) {
      h.update(scratch.subarray(0, n));
      n = 0;
      if (need > scratch.length && scratch.length < MAX_SCRATCH) scratch = Buffer.allocUnsafeSlow(Math.min(MAX_SCRATCH, Math.max(need, scratch.length * 2)));
    }
    if (need > scratch.length) {
      h.update(`${part.length}:`).update(part);
      continue;
    }
    n += scratch.write(`${part.length}:`, n, "latin1");
    n += scratch.write(part, n, "utf8");
  }
  h.update(scratch.subarray(0, n));
  const d = h.digest();
  return [d.readUInt32LE(0), d.readUInt32LE(4)];
}

export class DuplicateSet {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  /** 0 marks an empty slot; line numbers start at 1. */
  private lines = new Uint32Array(1024);
  private size = 0;

  /** Remembers the record; returns the line of an earlier one with the same identity. */
  add(parts: readonly string[], line: number): number | undefined {
    const [hi, lo] = identityHash(parts);
    return this.addHash(hi, lo, line);
  }

  addHash(hi: number, lo: number, line: number): number | undefined {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const mask = this.lines.length - 1;
    let i = lo & mask;
    while (this.lines[i] !== 0) {
      if (this.lo[i] === lo && this.hi[i] === hi) return this.lines[i];
      i = (i + 1) & mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.lines[i] = line;
    this.size++;
    return undefined;
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    this.hi = new Uint32Array(lines.length * 2);
    this.lo = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    this.size = 0;
    for (let i = 0; i < lines.length; i++) if (lines[i] !== 0) this.addHash(hi[i]!, lo[i]!, lines[i]!);
  }
}
