// Token counts for the length distribution: the estimate `validate` uses by default (see
// src/validate/tokens.ts), so `stats` and `validate --json` give the same lengths. The
// counter is passed in, so a real tokenizer can replace it.
export { approximateTokens, type TokenCounter } from "../validate/tokens.js";

export const TOKEN_COUNTING = "estimated from characters and punctuation, about o200k";
