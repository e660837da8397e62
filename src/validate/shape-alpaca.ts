// The alpaca shape: instruction and output are required, non-blank strings; input may be
// empty or absent (the course's script and most alpaca datasets allow that); meta, when
// present, is an object. Other keys are left to `inconsistent-fields`.
import { problem, type Problem } from "./problem.js";
import { isBlank, typeName, type TextField } from "./text-field.js";

export interface RecordShape {
  /** The texts the content checks run on. */
  texts: TextField[];
  /** The parts whose equality makes two records duplicates, in order. */
  identity: string[];
}

export const ALPACA_REQUIRED = ["instruction", "output"] as const;

export function alpacaShape(record: Record<string, unknown>, problems: Problem[]): RecordShape {
  const texts: TextField[] = [];
  const identity: string[] = [];
  for (const key of ["instruction", "input", "output"] as const) {
    const value = record[key];
    const required = key !== "input";
    if (value === undefined) {
      if (required) problems.push(problem("missing-field", `no "${key}" field`, { field: key }));
      identity.push("");
      continue;
    }
    if (typeof value !== "string") {
      problems.push(problem("wrong-type", `"${key}" must be a string, not ${typeName(value)}`, { field: key }));
      identity.push(JSON.stringify(value) ?? "");
      continue;
    }
    if (required && isBlank(value)) {
      problems.push(problem("empty-field", `"${key}" is ${value === "" ? "empty" : "blank"}`, { field: key }));
    }
    texts.push({ path: key, text: value, role: key, base: 0 });
    identity.push(value);
  }
  checkMeta(record, problems);
  withContext(record, ["system", "history"], identity);
  return { texts, identity };
}

/**
 * The keys that make a record another sample though its texts are the same (LLaMA-Factory
 * turns `system` into the system prompt and `history` into earlier turns): "Thanks!" with
 * two different histories is not a duplicate. Each is added, when present, after a name that
 * no text can equal.
 */
export function withContext(record: Record<string, unknown>, keys: readonly string[], identity: string[]): void {
  if (identity.length === 0) return;
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined) identity.push(`\u0000${key}`, typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  }
}

export function checkMeta(record: Record<string, unknown>, problems: Problem[]): void {
  const meta = record.meta;
  if (meta !== undefined && (meta === null || typeof meta !== "object" || Array.isArray(meta))) {
    problems.push(problem("wrong-type", `"meta" must be an object, not ${typeName(meta)}`, { field: "meta" }));
  }
}
