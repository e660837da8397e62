// Duplicate detection for the pipeline, one triple at a time, in a single pass: a triple
// is compared with the triples kept before it, and remembered only if it is kept.
//
// - exact: same instruction, input and output (a SHA-256 of the three, length-prefixed,
//   kept as 16 base64 characters = 96 bits: collisions are out of reach).
// - near: exact first, then MinHash + LSH over word shingles (see shingles.ts and
//   minhash.ts); a candidate is a duplicate when the share of equal signature slots is
//   >= threshold (default 0.85). Memory: ~770 bytes a kept record plus its id.
import { createHash } from "node:crypto";
import { UsageError } from "../errors.js";
import type { Triple } from "../records.js";
import { LshIndex } from "./lsh-index.js";
import { chooseBanding, createMinHasher, DEFAULT_NUM_HASHES, estimateSimilarity } from "./minhash.js";
import { DEFAULT_SHINGLE_SIZE, shingleSet, tripleTokens } from "./shingles.js";

export const DEDUP_MODES = ["exact", "near"] as const;
export type DedupMode = (typeof DEDUP_MODES)[number];
export const DEFAULT_NEAR_THRESHOLD = 0.85;

export interface DeduperOptions {
  mode: DedupMode;
  /** Jaccard similarity at or above which two triples are near-duplicates (near only). */
  threshold?: number;
  /** Signature length; tests and benchmarks may change it. */
  numHashes?: number;
  shingleSize?: number;
}

export interface Duplicate {
  /** meta.id of the earlier kept triple. */
  duplicateOf: string;
  /** 1 for an exact duplicate; the estimated Jaccard similarity for a near one. */
  similarity: number;
}

export interface Deduper {
  /** Whether the triple duplicates a kept one; if not, it is kept (remembered). */
  isDuplicate(triple: Triple): Duplicate | undefined;
  /** How many triples were kept, and how many signature comparisons were made. */
  stats(): { kept: number; comparisons: number };
}

type Texts = Pick<Triple, "instruction" | "input" | "output">;

export function exactKey(triple: Texts): string {
  const hash = createHash("sha256");
  for (const field of [triple.instruction, triple.input, triple.output]) hash.update(`${field.length}:`).update(field);
  return hash.digest("base64").slice(0, 16);
}

export function createDeduper(options: DeduperOptions): Deduper {
  const threshold = options.threshold ?? DEFAULT_NEAR_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--dedup-threshold: expected a number in (0, 1], got ${threshold}`);
  const exact = new Map<string, string>();
  const near = options.mode === "near" ? createNearIndex(threshold, options) : undefined;
  let comparisons = 0;
  return {
    isDuplicate(triple) {
      const key = exactKey(triple);
      const earlier = exact.get(key);
      if (earlier !== undefined) return { duplicateOf: earlier, similarity: 1 };
      if (near) {
        const found = near.find(triple);
        comparisons += found.comparisons;
        if (found.match) return found.match;
        near.keep(found.signature, triple.meta.id);
      }
      exact.set(key, triple.meta.id);
      return undefined;
    },
    stats: () => ({ kept: exact.size, comparisons }),
  };
}

function createNearIndex(threshold: number, options: DeduperOptions) {
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  const hasher = createMinHasher(numHashes);
  const index = new LshIndex(numHashes, chooseBanding(numHashes, threshold));
  const ids: string[] = [];
  return {
    find(triple: Texts) {
      const signature = hasher.signature(shingleSet(tripleTokens(triple), shingleSize));
      let match: Duplicate | undefined;
      const candidates = index.candidates(signature);
      for (const n of candidates) {
        const similarity = estimateSimilarity(signature, 0, index.signatureOf(n), 0, numHashes);
        // The most similar earlier record; the earliest among equals (candidates are sorted).
        if (similarity >= threshold && similarity > (match?.similarity ?? 0)) match = { duplicateOf: ids[n]!, similarity };
      }
      return { signature, match, comparisons: candidates.length };
    },
    keep(signature: Uint32Array, id: string) {
      ids[index.add(signature)] = id;
    },
  };
}
