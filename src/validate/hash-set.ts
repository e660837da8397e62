// Duplicates in constant memory per record: each record is remembered as a 64-bit hash of its
// identity, with its line number, in flat typed arrays (12 bytes a slot at most half full:
// about 24 bytes a record, 24 MB for a million). At 64 bits, a false "duplicate" needs ~4
// billion records to become likely.
//
// The hash is not cryptographic: two lanes of MurmurHash3's 32-bit mixing, each with its own
// constants, over the identity's UTF-8 bytes read as 32-bit words. Nobody gains from forging
// a duplicate (it is a warning), and it costs 0.4 ms/MB against 0.9 for SHA-256 in C++ (the
// call, the Hash object and the digest included): 16% of `validate`'s CPU time was hashing.

// The parts are written as UTF-8 into one scratch buffer and hashed a buffer at a time. The
// buffer grows up to 1 MB; longer parts are written in slices.
const MAX_SCRATCH = 1 << 20;
const SLICE = MAX_SCRATCH / 4; // characters: at most 3 bytes of UTF-8 each
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
let scratchWords = new Int32Array(scratch.buffer, 0, scratch.length >> 2);

/** 64 bits of the hash of the parts, each prefixed by its length so that parts cannot run into each other. */
export function identityHash(parts: readonly string[]): [number, number] {
  const h = new Hash64();
  let n = 0; // bytes in scratch not hashed yet
  const room = (need: number) => {
    if (n + need <= scratch.length) return;
    n = h.words(n);
    if (n + need > scratch.length && scratch.length < MAX_SCRATCH) {
      const bigger = Buffer.allocUnsafeSlow(Math.min(MAX_SCRATCH, Math.max(n + need, scratch.length * 2) + 3) & ~3);
      scratch.copy(bigger, 0, 0, n);
      scratch = bigger;
      scratchWords = new Int32Array(scratch.buffer, 0, scratch.length >> 2);
    }
  };
  for (const part of parts) {
    room(24);
    n += scratch.write(`${part.length}:`, n, "latin1");
    // Slices at fixed offsets of the part: the same part is always written the same way.
    for (let at = 0; at < part.length; at += SLICE) {
      const slice = at === 0 && part.length <= SLICE ? part : part.slice(at, at + SLICE);
      room(slice.length * 3);
      n += scratch.write(slice, n, "utf8");
    }
  }
  return h.finish(n);
}

/** The hash's state between buffers of scratch. */
class Hash64 {
  private h1 = 0x9747b28c;
  private h2 = 0x2d358dcc;
  private total = 0;

  /** Hashes scratch's whole words among its first `n` bytes; moves the 0 to 3 bytes left to its start and returns their count. */
  words(n: number): number {
    const count = n >> 2;
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < count; i++) {
      const k = scratchWords[i]!;
      let k1 = Math.imul(k, 0xcc9e2d51);
      k1 = (k1 << 15) | (k1 >>> 17);
      h1 ^= Math.imul(k1, 0x1b873593);
      h1 = (h1 << 13) | (h1 >>> 19);
      h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
      let k2 = Math.imul(k, 0x85ebca6b);
      k2 = (k2 << 16) | (k2 >>> 16);
      h2 ^= Math.imul(k2, 0xc2b2ae35);
      h2 = (h2 << 17) | (h2 >>> 15);
      h2 = (Math.imul(h2, 5) + 0x561ccd1b) | 0;
    }
    this.h1 = h1;
    this.h2 = h2;
    this.total += count * 4;
    const left = n & 3;
    scratch.copy(scratch, 0, count * 4, n);
    return left;
  }

  /** Hashes the last `n` bytes of scratch (zero-padded to a word) and the length of it all. */
  finish(n: number): [number, number] {
    const left = this.words(n);
    const total = this.total + left;
    if (left > 0) {
      scratch.fill(0, left, 4);
      this.words(4);
    }
    return [fmix(this.h1 ^ total), fmix(this.h2 ^ total)];
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
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
