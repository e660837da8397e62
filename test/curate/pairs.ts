// Synthetic pairs of triples at a known Jaccard similarity of their shingle sets, for
// measuring the near-duplicate detector. Every pair has its own vocabulary, so two pairs
// share no shingle and many pairs can go through one detector.
import { mulberry32 } from "../../src/curate/hash.js";
import { jaccard, shingleSet, tripleTokens } from "../../src/curate/shingles.js";
import type { Triple } from "../../src/records.js";

export interface Pair {
  a: Triple;
  b: Triple;
  /** The exact Jaccard similarity of a's and b's shingle sets. */
  jaccard: number;
}

export function tripleOf(id: string, words: readonly string[]): Triple {
  const third = Math.floor(words.length / 3);
  return {
    instruction: words.slice(0, third).join(" "),
    input: words.slice(third, 2 * third).join(" "),
    output: words.slice(2 * third).join(" "),
    meta: { id, source: "commit", repo: "acme/widgets", mapping: "commit-message" },
  };
}

const shingles = (t: Triple) => shingleSet(tripleTokens(t));

/**
 * A pair whose exact Jaccard is as close to `target` as one edit allows (about 0.01 at
 * 900 words): b is a copy of a with the first m of a random list of edits applied (a word
 * replaced, deleted or inserted), m found by bisection since J falls as m grows.
 */
export function pairAt(target: number, name: string, seed: number, length = 900): Pair {
  const random = mulberry32(seed);
  const base = Array.from({ length }, (_, i) => `${name}w${i}`);
  const edits = Array.from({ length }, () => ({ at: random(), kind: random() }));
  const a = tripleOf(`${name}-a`, base);
  const setA = shingles(a);
  const withEdits = (m: number) => {
    const words = [...base];
    edits.slice(0, m).forEach(({ at, kind }, i) => {
      const k = Math.floor(at * words.length);
      if (kind < 0.6) words[k] = `${name}x${i}`;
      else if (kind < 0.8) words.splice(k, 1);
      else words.splice(k, 0, `${name}x${i}`);
    });
    const b = tripleOf(`${name}-b`, words);
    return { a, b, jaccard: jaccard(setA, shingles(b)) };
  };
  let low = 0; // J(low) >= target
  let high = length; // J(high) < target
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (withEdits(mid).jaccard >= target) low = mid;
    else high = mid;
  }
  const [above, below] = [withEdits(low), withEdits(high)];
  return above.jaccard - target <= target - below.jaccard ? above : below;
}
