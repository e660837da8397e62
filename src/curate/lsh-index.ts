// The memory of the near-duplicate detector, in flat typed arrays rather than objects:
// per kept record its signature (K x 4 bytes) and one 8-byte slot per band in an
// open-addressing multimap (kept at most half full). With K = 128 and 16 bands that is
// 512 + 16 x 8 x 2 = 768 bytes a record, plus its id string; a JS Map of arrays would
// cost several times that. Nothing is ever compared outside the record's buckets, so a
// stream of N records costs O(N) lookups, not O(N^2) comparisons.
import { combine, fmix32 } from "./hash.js";
import type { Banding } from "./minhash.js";

const EMPTY = -1;

/** Key -> record numbers, several records per key allowed (linear probing, no deletion). */
class BucketTable {
  private keys = new Uint32Array(1024);
  private values = new Int32Array(1024).fill(EMPTY);
  private size = 0;

  add(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    this.insert(key, value);
    this.size++;
  }

  forEach(key: number, visit: (value: number) => void): void {
    const mask = this.values.length - 1;
    for (let i = key & mask; this.values[i] !== EMPTY; i = (i + 1) & mask) {
      if (this.keys[i] === key) visit(this.values[i]!);
    }
  }

  private insert(key: number, value: number): void {
    const mask = this.values.length - 1;
    let i = key & mask;
    while (this.values[i] !== EMPTY) i = (i + 1) & mask;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(EMPTY);
    for (let i = 0; i < values.length; i++) if (values[i] !== EMPTY) this.insert(keys[i]!, values[i]!);
  }
}

export class LshIndex {
  private signatures: Uint32Array;
  private count = 0;
  private readonly buckets = new BucketTable();

  constructor(
    private readonly numHashes: number,
    private readonly banding: Banding,
  ) {
    this.signatures = new Uint32Array(numHashes * 256);
  }

  get size(): number {
    return this.count;
  }

  /** Stores a signature; returns its record number. */
  add(signature: Uint32Array): number {
    const n = this.count++;
    if (this.count * this.numHashes > this.signatures.length) {
      const bigger = new Uint32Array(this.signatures.length * 2);
      bigger.set(this.signatures);
      this.signatures = bigger;
    }
    this.signatures.set(signature, n * this.numHashes);
    for (let band = 0; band < this.banding.bands; band++) this.buckets.add(this.bandKey(signature, band), n);
    return n;
  }

  /** Record numbers sharing at least one band with the signature, each once. */
  candidates(signature: Uint32Array): number[] {
    const found = new Set<number>();
    for (let band = 0; band < this.banding.bands; band++) {
      this.buckets.forEach(this.bandKey(signature, band), (n) => found.add(n));
    }
    return [...found].sort((a, b) => a - b);
  }

  /** The stored signature of record n, as a view (no copy). */
  signatureOf(n: number): Uint32Array {
    return this.signatures.subarray(n * this.numHashes, (n + 1) * this.numHashes);
  }

  private bandKey(signature: Uint32Array, band: number): number {
    const { rows } = this.banding;
    let h = fmix32(band + 1);
    for (let i = band * rows; i < (band + 1) * rows; i++) h = combine(h, signature[i]!);
    return h;
  }
}
