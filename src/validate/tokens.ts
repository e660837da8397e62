// Token counts for `too-long` and the report's statistics. The default is an estimate, not
// a tokenizer: gpt-tokenizer counts o200k tokens at about 8 MB/s on this project's 2-core
// machine, which would make `validate` 15 times slower than parsing the file (see
// bench/README.md). The estimate is free on ASCII text and walks the characters only when
// a string holds non-Latin script. Measured against o200k_base on real code, diffs,
// Markdown, JSON and CJK/Cyrillic text, its mean error per text type is within ±11% and
// 90% of texts are within ±23%. `--tokenizer o200k|cl100k` counts exactly, slowly.

export const TOKENIZERS = ["approx", "o200k", "cl100k"] as const;
export type Tokenizer = (typeof TOKENIZERS)[number];
export type TokenCounter = (text: string) => number;

// Characters that are not Latin (Greek and beyond): the only ones that need a walk.
const NON_LATIN = /[^\u0000-\u02ff]/;

/**
 * About four characters a token for Latin-script text and code (OpenAI's rule of thumb,
 * confirmed on this corpus), 1.1 quarter-tokens for other alphabets (Cyrillic, Greek,
 * Hebrew...), and 3.2 for CJK, emoji and symbols above U+3000 (Japanese, Korean and
 * Chinese text measure 2.9 to 3.5 in o200k).
 */
export function approximateTokens(text: string): number {
  if (!NON_LATIN.test(text)) return Math.ceil(text.length / 4);
  let quarters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    quarters += c < 0x300 ? 1 : c < 0x3000 ? 1.1 : 3.2;
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
