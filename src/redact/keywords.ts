// The keyword prefilter: every occurrence of every rule keyword in a text, case-insensitively,
// in one pass over the text and without lower-casing it. An Aho-Corasick automaton compiled to
// a flat transition table (state × 128 ASCII codes, upper case folded onto lower case), so the
// loop does one table load per character. On diffs of real code, with the 67 keywords of the
// built-in rules: 2.2 ms/MB, against 8.3 for one regex of all keywords over the lower-cased text
// (irregexp tries the alternatives one by one at nearly every position), 4.8 for the same
// regex factored as a trie, and 28 for one includes() per keyword.

export interface KeywordHit {
  /** Index of the keyword in the list given to createKeywordFinder. */
  keyword: number;
  /** UTF-16 offsets of the occurrence. */
  start: number;
  end: number;
}

// The finder keeps a buffer for the bytes of the text it reads: grown up to 1 MB, never beyond.
const SCRATCH_BYTES = 64 * 1024;
const MAX_SCRATCH_BYTES = 1024 * 1024;
/** Texts shorter than this take one walk: splitting costs more than it saves. */
const SPLIT_MIN = 1024;

/**
 * Compiles `keywords` (ASCII, matched case-insensitively; compared in lower case) into a
 * finder that returns their occurrences, overlapping ones included, in the order they end.
 */
export function createKeywordFinder(keywords: readonly string[]): (text: string) => KeywordHit[] {
  const words = keywords.map((k) => k.toLowerCase());
  for (const w of words) {
    if (w === "" || !/^[\x01-\x7f]+$/.test(w)) throw new Error(`keyword ${JSON.stringify(w)}: must be non-empty ASCII`);
  }
  if (words.length === 0) return () => [];
  const automaton = compile(words);
  const { outputs, firstOutput } = automaton;
  const codes = words.map((w) => Array.from(w, (c) => c.charCodeAt(0)));
  const longest = Math.max(...words.map((w) => w.length));
  let scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  return (text) => {
    // The text as one byte per UTF-16 unit (its low byte): reading a Buffer is much faster than
    // charCodeAt. Beyond ASCII, the low byte may be a keyword letter: the automaton can then
    // step into a keyword state (an occurrence checked below, and dropped), but it never misses
    // an occurrence, since keywords are all ASCII.
    const n = text.length;
    const bytes = n <= scratch.length ? scratch : n <= MAX_SCRATCH_BYTES ? (scratch = Buffer.allocUnsafe(n)) : Buffer.allocUnsafe(n);
    bytes.write(text, 0, n, "latin1");
    const ends: number[] = [];
    if (n < SPLIT_MIN) walk1(bytes, 0, n, automaton, ends);
    else walk4(bytes, n, automaton, longest, ends);
    const hits: KeywordHit[] = [];
    for (let h = 0; h < ends.length; h += 2) {
      const end = ends[h]!;
      for (const keyword of outputs[(ends[h + 1]! - firstOutput) >> 7]!) {
        const code = codes[keyword]!;
        const start = end - code.length;
        if (sameFolded(text, start, code)) hits.push({ keyword, start, end });
      }
    }
    return hits;
  };
}

// Each step of a walk is one table load that waits for the previous one: the walk is bound by
// the latency of that load (states are stored as row offsets, so a step is an or and a load),
// and four walks over the four quarters of the text are interleaved: independent chains of
// loads, which the CPU overlaps (1.6 ms/MB with two walks, 1.35 with four; a table of 16-bit
// states over character classes, small enough for the L1 cache, was slower: one more load).
// Each walk after the first starts early enough to see every keyword that ends in its
// quarter, and reports only those. A walk reports (end offset, state) pairs where keywords
// end, in the order they end.

function walk1(bytes: Uint8Array, from: number, to: number, a: Automaton, ends: number[]): void {
  const { table, firstOutput } = a;
  let s = 0;
  for (let i = from; i < to; i++) {
    s = table[s | (bytes[i]! & 127)]!;
    if (s >= firstOutput) ends.push(i + 1, s);
  }
}

function walk4(bytes: Uint8Array, n: number, a: Automaton, longest: number, ends: number[]): void {
  const { table, firstOutput } = a;
  const q = n >> 2;
  const warm = longest - 1;
  // Walk k reports the keywords ending in (k·q, (k+1)·q], the last one up to n; it starts
  // `warm` characters early (q >= SPLIT_MIN / 4 > warm for any keyword list worth splitting).
  const b1 = q;
  const b2 = 2 * q;
  const b3 = 3 * q;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const e1: number[] = [];
  const e2: number[] = [];
  const e3: number[] = [];
  if (warm >= q) {
    walk1(bytes, 0, n, a, ends);
    return;
  }
  // Warm-up of walks 1 to 3: no reports (those keywords end in the previous quarter).
  for (let i = 0; i < warm; i++) {
    s0 = table[s0 | (bytes[i]! & 127)]!;
    s1 = table[s1 | (bytes[b1 - warm + i]! & 127)]!;
    s2 = table[s2 | (bytes[b2 - warm + i]! & 127)]!;
    s3 = table[s3 | (bytes[b3 - warm + i]! & 127)]!;
    if (s0 >= firstOutput) ends.push(i + 1, s0);
  }
  for (let i = warm; i < q; i++) {
    s0 = table[s0 | (bytes[i]! & 127)]!;
    s1 = table[s1 | (bytes[b1 + i - warm]! & 127)]!;
    s2 = table[s2 | (bytes[b2 + i - warm]! & 127)]!;
    s3 = table[s3 | (bytes[b3 + i - warm]! & 127)]!;
    if (s0 >= firstOutput) ends.push(i + 1, s0);
    if (s1 >= firstOutput) e1.push(b1 + i - warm + 1, s1);
    if (s2 >= firstOutput) e2.push(b2 + i - warm + 1, s2);
    if (s3 >= firstOutput) e3.push(b3 + i - warm + 1, s3);
  }
  // Walks 1 to 3 are `warm` characters behind walk 0: finish their quarters (the last one to n).
  for (let j = b1 + q - warm; j < b2; j++) {
    s1 = table[s1 | (bytes[j]! & 127)]!;
    if (s1 >= firstOutput) e1.push(j + 1, s1);
  }
  for (let j = b2 + q - warm; j < b3; j++) {
    s2 = table[s2 | (bytes[j]! & 127)]!;
    if (s2 >= firstOutput) e2.push(j + 1, s2);
  }
  for (let j = b3 + q - warm; j < n; j++) {
    s3 = table[s3 | (bytes[j]! & 127)]!;
    if (s3 >= firstOutput) e3.push(j + 1, s3);
  }
  for (const e of [e1, e2, e3]) for (let h = 0; h < e.length; h++) ends.push(e[h]!);
}

/** text[start...] equals the lower-case ASCII `code`, ASCII upper case folded. */
function sameFolded(text: string, start: number, code: readonly number[]): boolean {
  for (let j = 0; j < code.length; j++) {
    let c = text.charCodeAt(start + j);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== code[j]) return false;
  }
  return true;
}

interface Automaton {
  /** Next state at (state | character code & 127); states are stored shifted left by 7, as row offsets. */
  table: Int32Array;
  /** Keywords ending in state (firstOutput >> 7) + i (states with output are numbered last). */
  outputs: number[][];
  firstOutput: number;
}

const ALPHABET = 128;

function compile(words: readonly string[]): Automaton {
  // The trie.
  const next: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  words.forEach((word, index) => {
    let s = 0;
    for (const ch of word) {
      const c = ch.charCodeAt(0);
      let t = next[s]!.get(c);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        out.push([]);
        next[s]!.set(c, t);
      }
      s = t;
    }
    out[s]!.push(index);
  });
  // Failure links, breadth first, folded into a full transition table: state 0 loops on
  // everything that starts no keyword, every other state falls back to its longest suffix.
  const states = next.length;
  const delta = new Int32Array(states * ALPHABET);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const t = next[0]!.get(fold(c));
    if (t !== undefined) {
      delta[c] = t;
      if (!queue.includes(t)) queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    out[s]!.push(...out[fail[s]!]!.filter((k) => !out[s]!.includes(k)));
    for (let c = 0; c < ALPHABET; c++) {
      const t = next[s]!.get(fold(c));
      const viaFail = delta[fail[s]! * ALPHABET + c]!;
      if (t === undefined) {
        delta[s * ALPHABET + c] = viaFail;
      } else {
        delta[s * ALPHABET + c] = t;
        if (c === fold(c)) {
          fail[t] = viaFail;
          queue.push(t);
        }
      }
    }
  }
  // Renumber so that states with output come last: the loop then tests one comparison.
  const order = [...Array(states).keys()].sort((a, b) => Number(out[a]!.length > 0) - Number(out[b]!.length > 0) || a - b);
  const renamed = new Int32Array(states);
  order.forEach((old, id) => (renamed[old] = id));
  const table = new Int32Array(states * ALPHABET);
  for (let s = 0; s < states; s++) {
    for (let c = 0; c < ALPHABET; c++) table[renamed[s]! * ALPHABET + c] = renamed[delta[s * ALPHABET + c]!]! * ALPHABET;
  }
  const first = order.findIndex((s) => out[s]!.length > 0);
  return { table, outputs: order.slice(first).map((s) => out[s]!), firstOutput: first * ALPHABET };
}

function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
