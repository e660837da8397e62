// Token counts for `too-long` and the report's statistics. The default is an estimate, not
// a tokenizer: gpt-tokenizer counts o200k tokens at about 8 MB/s on this project's 2-core
// machine, which would make `validate` 15 times slower than parsing the file (see
// bench/README.md). `--tokenizer o200k|cl100k` counts exactly, slowly.
//
// The estimate: Latin-script text and code cost a token per 5.6 letters, digits and spaces,
// plus 0.75 for each other character (punctuation, line breaks, tabs, accented letters),
// where BPE vocabularies split; the characters are sampled, 256 a text at most, so a long
// text costs what a short one does. Fitted against o200k_base on the diffs and commit
// messages of four real repositories (Python, Go, C, Markdown) and on JavaScript diffs: the
// median ratio to o200k is 0.90 to 1.02 for each repository's diffs (1.06 for the JavaScript
// ones), and 70 to 95% of diffs are within 15% (the old "4 characters a token" gave 0.79 to
// 0.93 and 25 to 77%: it counted C and Go diffs a fifth short, so records over --max-tokens
// went by; bench/tokens.ts measures it). A string that holds
// non-Latin script is walked: 1.1 quarter-tokens for other alphabets (Cyrillic, Greek,
// Hebrew...), and 3.2 for CJK, emoji and symbols above U+3000 (Japanese, Korean and Chinese
// text measure 2.9 to 3.5 in o200k).

export const TOKENIZERS = ["approx", "o200k", "cl100k"] as const;
export type Tokenizer = (typeof TOKENIZERS)[number];
export type TokenCounter = (text: string) => number;

// Characters that are not Latin (Greek and beyond): the only ones that need a walk.
const NON_LATIN = /[^\u0000-\u02ff]/;

// Letters, digits and the space: what BPE merges into long tokens.
const WORD = new Uint8Array(128);
for (const [from, to] of [[48, 57], [65, 90], [97, 122], [32, 32]] as const) WORD.fill(1, from, to + 1);
const PER_CHAR = 0.1771;
const PER_OTHER = 0.5679;
/** Quarter-tokens a character of another alphabet, and one of CJK, emoji and symbols. */
const ALPHABET_QUARTERS = 1.1;
const CJK_QUARTERS = 3.2;
/** The most the estimate gives a character: a bound on any text's count. */
export const MAX_APPROX_TOKENS_PER_CHAR = Math.max(PER_CHAR + PER_OTHER, CJK_QUARTERS / 4);
/** Characters a text is sampled at, at most: the sample's mix stands for the text's. */
const SAMPLES = 256;

export function approximateTokens(text: string): number {
  if (NON_LATIN.test(text)) return nonLatinTokens(text);
  const n = text.length;
  const step = n <= 2 * SAMPLES ? 1 : Math.floor(n / SAMPLES);
  let seen = 0;
  let other = 0;
  for (let i = 0; i < n; i += step) {
    const c = text.charCodeAt(i);
    seen++;
    if (c >= 128 || WORD[c] === 0) other++;
  }
  return seen === 0 ? 0 : Math.ceil(PER_CHAR * n + (PER_OTHER * other * n) / seen);
}

function nonLatinTokens(text: string): number {
  let quarters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    quarters += c < 0x300 ? 1 : c < 0x3000 ? ALPHABET_QUARTERS : CJK_QUARTERS;
  }
  return Math.ceil(quarters / 4);
}

export async function loadTokenCounter(name: Tokenizer): Promise<TokenCounter> {
  switch (name) {
    case "approx":
      return approximateTokens;
    case "o200k":
      return (await import("gpt-tokenizer/encoding/o200k_base")).countTokens;
    case "cl100k":
      return (await import("gpt-tokenizer/encoding/cl100k_base")).countTokens;
  }
}
