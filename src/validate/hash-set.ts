// Duplicates in constant memory per record: each record is remembered as 64 bits of the
// SHA-256 of its identity, with its line number, in flat typed arrays (12 bytes a slot at
// most half full: about 24 bytes a record, 24 MB for a million). At 64 bits, a false
// "duplicate" needs ~4 billion records to become likely.
import { createHash } from "node:crypto";

/** 64 bits of the SHA-256 of the parts, each prefixed by its length so that parts cannot run into each other. */
export function identityHash(parts: readonly string[]): [number, number] {
  const h = createHash("sha256");
  for (const part of parts) h.update(`${part.length}:`).update(part);
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
