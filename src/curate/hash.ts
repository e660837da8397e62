// Small, fast, deterministic 32-bit hashing and a seeded PRNG. Everything in curation must
// give the same answer on every run and machine (a --seed reproduces a dataset), so no
// Math.random and no per-process hash seeds.

/** MurmurHash3's finalizer: a bijection on 32-bit integers that mixes every input bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalized with fmix32 so low bits are usable as buckets. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Combines two 32-bit hashes (order matters). */
export function combine(h: number, value: number): number {
  return fmix32((Math.imul(h, 0x9e3779b1) ^ value) >>> 0);
}

/**
 * mulberry32: a tiny seeded PRNG with a full 2^32 period, good enough for sampling.
 * Returns a function giving floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
