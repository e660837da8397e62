// The format facts the checks need, without src/formats.ts's zod schemas: loading zod costs
// each worker thread about 150 ms, and a line is checked by hand anyway (for messages that
// say what to fix). test/validate/parts.test.ts keeps these equal to src/formats.ts.
import type { Format } from "../formats.js";

export const OPENAI_ROLES = ["system", "user", "assistant", "tool", "function", "developer"] as const;
export const SHAREGPT_ROLES = ["system", "human", "gpt", "function_call", "observation"] as const;

/** A line's format from its keys, as src/formats.ts's detectFormat says. */
export function detectFormat(value: unknown): Format | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  if ("messages" in value) return "openai";
  if ("conversations" in value) return "sharegpt";
  if ("instruction" in value || "output" in value) return "alpaca";
  return undefined;
}
