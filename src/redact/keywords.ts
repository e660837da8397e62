// The keyword prefilter: every occurrence of every rule keyword in a text, case-insensitively,
// in one pass over the text and without lower-casing it. An Aho-Corasick automaton compiled to
// a flat transition table (state × 128 ASCII codes, upper case folded onto lower case), so the
// loop does one table load per character. On diffs of real code, with the 67 keywords of the
// built-in rules: about 0.55 ms/MB walked in WebAssembly (keywords.wat), 1.6 in JavaScript once
// optimized, against 8.3 for one regex of all keywords over the lower-cased text (irregexp tries
// the alternatives one by one at nearly every position), 4.8 for the same regex factored as a
// trie, and 28 for one includes() per keyword.

import { instantiate, MemoryViews, type WasmMemory } from "../wasm.js";
import { WASM_BASE64 } from "./keywords-wasm.js";

export interface KeywordHit {
  /** Index of the keyword in the list given to createKeywordFinder. */
  keyword: number;
  /** UTF-16 offsets of the occurrence. */
  start: number;
  end: number;
}

/** Texts shorter than this take one walk: splitting costs more than it saves. */
const SPLIT_MIN = 1024;
/** Longer texts are walked in JavaScript: the WebAssembly memory (about 9 bytes a character) stays small. */
const WASM_MAX_CHARS = 1 << 20;

/** A walk reports each place where keywords end: the offset after the character, and the index into `outputs`. */
type Report = (end: number, output: number) => void;

export interface KeywordFinderOptions {
  /** Walk in JavaScript even where WebAssembly is available (tests compare the two). */
  javascript?: boolean;
}

/**
 * Compiles `keywords` (ASCII, matched case-insensitively; compared in lower case) into a
 * finder that returns their occurrences, overlapping ones included, in the order they end.
 */
export function createKeywordFinder(keywords: readonly string[], options: KeywordFinderOptions = {}): (text: string) => KeywordHit[] {
  const words = keywords.map((k) => k.toLowerCase());
  for (const w of words) {
    if (w === "" || !/^[\x01-\x7f]+$/.test(w)) throw new Error(`keyword ${JSON.stringify(w)}: must be non-empty ASCII`);
  }
  if (words.length === 0) return () => [];
  const automaton = compile(words);
  const codes = words.map((w) => Array.from(w, (c) => c.charCodeAt(0)));
  const longest = Math.max(...words.map((w) => w.length));
  const js = jsWalker(automaton);
  const wasm = options.javascript ? undefined : wasmWalker(automaton, longest);
  return (text) => {
    const hits: KeywordHit[] = [];
    const report: Report = (end, output) => {
      for (const keyword of automaton.outputs[output]!) {
        const code = codes[keyword]!;
        const start = end - code.length;
        // A character beyond ASCII whose low byte is a keyword letter may end a false occurrence.
        if (sameFolded(text, start, code)) hits.push({ keyword, start, end });
      }
    };
    if (wasm && text.length <= WASM_MAX_CHARS) wasm(text, report);
    else js(text, report);
    return hits;
  };
}

// Both walkers read the text as one byte per UTF-16 unit (its low byte, as Buffer's latin1
// encoding writes it): reading bytes is much faster than charCodeAt. Beyond ASCII, the low
// byte may be a keyword letter: the automaton can then step into a keyword state (checked and
// dropped by the finder), but it never misses an occurrence, since keywords are all ASCII.

/** The walk in JavaScript: where WebAssembly is missing (node --jitless), and for texts over WASM_MAX_CHARS. */
function jsWalker(a: Automaton): (text: string, report: Report) => void {
  const { table, firstOutput } = a;
  const small = 64 * 1024;
  let scratch = Buffer.allocUnsafe(small);
  return (text, report) => {
    const n = text.length;
    if (n > scratch.length) scratch = Buffer.allocUnsafe(n);
    const bytes = scratch;
    bytes.write(text, 0, n, "latin1");
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = table[s | (bytes[i]! & 127)]!;
      if (s >= firstOutput) report(i + 1, (s - firstOutput) >> 7);
    }
    if (scratch.length > WASM_MAX_CHARS) scratch = Buffer.allocUnsafe(small);
  };
}

// The walk in WebAssembly (keywords.wat): compiled before it first runs, so it is fast from the
// first text on, where the JavaScript loop stays several times slower until V8 optimizes it
// (some megabytes into a run). Each step of a walk is one table load that waits for the
// previous one, so four walks over the four quarters of a text are interleaved: independent
// chains of loads, which the CPU overlaps.

interface KernelExports {
  memory: WasmMemory;
  walk1: (text: number, n: number, first: number, out: number) => number;
  walk4: (text: number, n: number, first: number, warm: number, out: number, cap: number) => void;
}

function wasmWalker(a: Automaton, longest: number): ((text: string, report: Report) => void) | undefined {
  const kernel = instantiate<KernelExports>(WASM_BASE64);
  if (!kernel) return undefined;
  const { walk1, walk4 } = kernel;
  const memory = new MemoryViews(kernel.memory);
  // The table at 0, as byte offsets of rows; the text after it; then the reports.
  const tableBytes = a.table.length * 4;
  const textAt = tableBytes;
  const first = a.firstOutput * 4;
  const warm = longest - 1;
  memory.room(tableBytes);
  for (let i = 0; i < a.table.length; i++) memory.ints[i] = a.table[i]! * 4;
  return (text, report) => {
    const n = text.length;
    const out = (textAt + n + 7) & ~7;
    // Four quarters need a quarter each to be longer than a keyword.
    const split = n >= SPLIT_MIN && n >> 2 > warm;
    const cap = split ? (n >> 2) + warm + 4 : n;
    memory.room(out + 16 + (split ? 4 : 1) * cap * 8);
    const { bytes, ints } = memory;
    bytes.write(text, textAt, n, "latin1");
    if (!split) {
      reportRegion(ints, out + 16, walk1(textAt, n, first, out), first, report);
      return;
    }
    walk4(textAt, n, first, warm, out, cap);
    for (let k = 0; k < 4; k++) reportRegion(ints, out + 16 + k * cap * 8, ints[(out >> 2) + k]!, first, report);
  };
}

/** The (end, state) pairs a walk wrote from byte `from` to byte `to` of the memory. */
function reportRegion(ints: Int32Array, from: number, to: number, first: number, report: Report): void {
  for (let r = from >> 2; r < to >> 2; r += 2) report(ints[r]!, (ints[r + 1]! - first) >> 9);
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
