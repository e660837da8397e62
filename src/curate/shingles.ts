// What "near-duplicate" compares: the set of word shingles of a triple's three texts.
//
// Choice: word shingles of 5 tokens (as in Lee et al. 2022, "Deduplicating Training Data
// Makes Language Models Better", and datatrove), not character shingles. A token is a run
// of letters/digits/underscores or a single other visible character, lower-cased, so
// re-indentation and whitespace changes do not matter but a changed identifier, operator or
// diff marker does. Character shingles would catch single-character edits more finely but
// give ~5x more shingles to hash per record for no better verdicts on code and prose.
// One edited token changes at most 5 shingles: on a 200-token record, J stays >= 0.85
// for about three scattered one-token edits.
import { combine, hashString } from "./hash.js";
import type { Triple } from "../records.js";

export const DEFAULT_SHINGLE_SIZE = 5;

const TOKEN = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
// Between fields, so that "ab" + "c" and "a" + "bc" differ and a shingle spanning two
// fields is not mistaken for one inside a field.
const FIELD_SEPARATOR = hashString("\u241e field");

export function tokenHashes(text: string): number[] {
  const hashes: number[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN)) hashes.push(hashString(match[0]));
  return hashes;
}

/** The triple's instruction, input and output as one sequence of token hashes. */
export function tripleTokens(triple: Pick<Triple, "instruction" | "input" | "output">): number[] {
  return [
    ...tokenHashes(triple.instruction),
    FIELD_SEPARATOR,
    ...tokenHashes(triple.input),
    FIELD_SEPARATOR,
    ...tokenHashes(triple.output),
  ];
}

/**
 * The distinct shingle hashes of a token sequence. A sequence shorter than the shingle
 * size is one shingle, so short texts still compare.
 */
export function shingleSet(tokens: readonly number[], size = DEFAULT_SHINGLE_SIZE): Set<number> {
  const set = new Set<number>();
  const count = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < count; i++) {
    let h = size;
    for (let j = i; j < Math.min(i + size, tokens.length); j++) h = combine(h, tokens[j]!);
    set.add(h);
  }
  return set;
}

/** Exact Jaccard similarity of two sets: what MinHash estimates. For tests and measuring. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
