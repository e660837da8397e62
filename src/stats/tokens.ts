// Token counts for the length distribution. gpt-tokenizer is not a dependency, so the
// count is the common approximation of 4 characters (UTF-16 code units) per token, which
// OpenAI gives for English prose; code and diffs run closer to 3, so real counts are
// somewhat higher. The counter is passed in, so a real tokenizer can replace it.
export type TokenCounter = (text: string) => number;

export const TOKEN_COUNTING = "approximate: characters / 4";

export const approximateTokens: TokenCounter = (text) => Math.ceil(text.length / 4);
