// MinHash signatures and LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman,
// "Mining of Massive Datasets", ch. 3). A signature is K minimums of K pseudo-random
// permutations of the shingle hashes; the share of equal slots between two signatures
// estimates their Jaccard similarity with standard error sqrt(J(1-J)/K) (0.032 at
// J = 0.85 for K = 128). K = 128 slots of 4 bytes: 512 bytes per record.
import { fmix32, mulberry32 } from "./hash.js";

export const DEFAULT_NUM_HASHES = 128;

export interface MinHasher {
  readonly numHashes: number;
  signature(shingles: Iterable<number>): Uint32Array;
}

/** Fixed seeds: signatures must be comparable across runs (and --append to a file). */
export function createMinHasher(numHashes = DEFAULT_NUM_HASHES, seed = 0x5eed): MinHasher {
  const random = mulberry32(seed);
  // x -> fmix32(x ^ s) is a bijection of the 32-bit space, one pseudo-random permutation per seed.
  const seeds = Uint32Array.from({ length: numHashes }, () => Math.floor(random() * 2 ** 32));
  return {
    numHashes,
    signature(shingles) {
      const sig = new Uint32Array(numHashes).fill(0xffffffff);
      for (const x of shingles) {
        for (let i = 0; i < numHashes; i++) {
          const v = fmix32(x ^ seeds[i]!);
          if (v < sig[i]!) sig[i] = v;
        }
      }
      return sig;
    },
  };
}

/** Share of equal slots of two signatures stored at offsets of flat arrays. */
export function estimateSimilarity(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, length: number): number {
  let equal = 0;
  for (let i = 0; i < length; i++) if (a[aOffset + i] === b[bOffset + i]) equal++;
  return equal / length;
}

export interface Banding {
  bands: number;
  rows: number;
}

/** Probability that a pair of similarity s shares at least one band: 1 - (1 - s^r)^b. */
export function candidateProbability(s: number, { bands, rows }: Banding): number {
  return 1 - (1 - s ** rows) ** bands;
}

/**
 * The banding with the most rows per band (fewest false candidates to confirm) that still
 * makes a pair at the threshold a candidate with probability >= 0.99, so LSH loses almost
 * nothing that the signature comparison would have accepted. For K = 128 and 0.85: 16 x 8.
 */
export function chooseBanding(numHashes: number, threshold: number): Banding {
  let best: Banding = { bands: numHashes, rows: 1 };
  for (let rows = 1; rows <= numHashes; rows++) {
    if (numHashes % rows !== 0) continue;
    const banding = { bands: numHashes / rows, rows };
    if (candidateProbability(threshold, banding) >= 0.99) best = banding;
  }
  return best;
}
