// The format facts that need no zod: the validator's worker threads import these without
// src/formats.ts's schemas (loading zod costs each thread about 150 ms, and a line is
// checked by hand anyway, for messages that say what to fix).
export const FORMATS = ["alpaca", "openai", "sharegpt"] as const;
export type Format = (typeof FORMATS)[number];

export const OPENAI_ROLES = ["system", "user", "assistant", "tool", "function", "developer"] as const;
export const SHAREGPT_ROLES = ["system", "human", "gpt", "function_call", "observation"] as const;

/**
 * Top-level keys that a format puts on some records only, so inconsistent-fields does not
 * count them: OpenAI's fine-tuning format has `tools` (and `parallel_tool_calls`, the legacy
 * `functions`) on its function-calling examples alone; LLaMA-Factory's alpaca and sharegpt
 * datasets take a per-record `system`, `history` or `tools`.
 */
export const OPTIONAL_KEYS: Readonly<Record<Format, ReadonlySet<string>>> = {
  alpaca: new Set(["system", "history"]),
  openai: new Set(["tools", "parallel_tool_calls", "functions"]),
  sharegpt: new Set(["system", "tools"]),
};

/** Guess a line's format from its keys, as `validate` does without --format. */
export function detectFormat(value: unknown): Format | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  if ("messages" in value) return "openai";
  if ("conversations" in value) return "sharegpt";
  if ("instruction" in value || "output" in value) return "alpaca";
  return undefined;
}
