// Token lengths, for min / median / p95 / max over any number of records in fixed memory:
// exact counts up to 65,535 tokens (256 KB), then buckets 1/64 of a power of two wide
// (under 1.6% error) for the rare longer record.

const EXACT = 1 << 16;
const SUB = 64;

export interface TokenStats {
  records: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

export class TokenHistogram {
  private readonly exact = new Uint32Array(EXACT);
  private readonly log = new Map<number, number>();
  private count = 0;
  private sum = 0;
  private lo = Infinity;
  private hi = 0;

  add(tokens: number): void {
    this.count++;
    this.sum += tokens;
    if (tokens < this.lo) this.lo = tokens;
    if (tokens > this.hi) this.hi = tokens;
    if (tokens < EXACT) this.exact[tokens]!++;
    else {
      const key = bucketOf(tokens);
      this.log.set(key, (this.log.get(key) ?? 0) + 1);
    }
  }

  /** Another histogram's counts (per-file histograms into the run's). */
  merge(other: TokenHistogram): void {
    for (let i = 0; i < EXACT; i++) if (other.exact[i]) this.exact[i]! += other.exact[i]!;
    for (const [k, v] of other.log) this.log.set(k, (this.log.get(k) ?? 0) + v);
    this.count += other.count;
    this.sum += other.sum;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }

  stats(): TokenStats | undefined {
    if (this.count === 0) return undefined;
    return { records: this.count, min: this.lo, median: this.quantile(0.5), p95: this.quantile(0.95), max: this.hi, mean: Math.round(this.sum / this.count) };
  }

  /** The smallest value with at least q of the records at or below it (nearest rank). */
  quantile(q: number): number {
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < EXACT; i++) {
      seen += this.exact[i]!;
      if (seen >= rank) return i;
    }
    for (const key of [...this.log.keys()].sort((a, b) => a - b)) {
      seen += this.log.get(key)!;
      if (seen >= rank) return Math.min(this.hi, valueOf(key));
    }
    return this.hi;
  }
}

function bucketOf(v: number): number {
  const exp = Math.floor(Math.log2(v));
  return exp * SUB + Math.floor((v / 2 ** exp - 1) * SUB);
}

/** The bucket's upper edge, so a quantile is never under-reported. */
function valueOf(key: number): number {
  const exp = Math.floor(key / SUB);
  return Math.ceil(2 ** exp * (1 + ((key % SUB) + 1) / SUB)) - 1;
}
