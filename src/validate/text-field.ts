// A record's texts as the content checks see them, whatever the format: which part of the
// conversation a text is (the ask, the material it is about, the answer) and where it sits.
import { openFenceAt } from "./fences.js";
import { quote, withCommas } from "./problem.js";

export type TextRole = "instruction" | "input" | "output" | "other";

export interface TextField {
  /** Path of the string in the record: "output", "messages[1].content". */
  path: string;
  text: string;
  role: TextRole;
  /** Where `text` starts in the string at `path` (a chat turn holds instruction and input). */
  base: number;
}

/**
 * Splits a user turn shaped like `userContent()` (instruction, blank line, input) back into
 * its two parts, so a chat record gets the same checks as the alpaca record it came from.
 */
export function splitUserTurn(path: string, content: string): TextField[] {
  // A blank line inside a code block the user pasted is not where the ask ends.
  let cut = content.indexOf("\n\n");
  while (cut >= 0 && openFenceAt(content, cut)) cut = content.indexOf("\n\n", cut + 2);
  if (cut < 0) return [{ path, text: content, role: "instruction", base: 0 }];
  return [
    { path, text: content.slice(0, cut), role: "instruction", base: 0 },
    { path, text: content.slice(cut + 2), role: "input", base: cut + 2 },
  ];
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/**
 * pathOf for a message: a key that is not a plain name is quoted (`meta["a b"]`, see quote),
 * and a path deeper than 16 shows its first 8 and last 6 steps.
 */
export function displayPath(segments: readonly (string | number)[]): string {
  const step = (s: string | number, first: boolean) =>
    typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$-]{0,39}$/.test(s) ? (first ? s : `.${s}`) : `[${quote(s)}]`;
  const shown = segments.length > 16 ? [...segments.slice(0, 8), undefined, ...segments.slice(-6)] : segments;
  let out = "";
  shown.forEach((s, i) => {
    out += s === undefined ? `...(${withCommas(segments.length - 14)} more)...` : step(s, i === 0);
  });
  return out === "" ? "(record)" : out;
}

/** "messages" + 2 + "content" → "messages[2].content". */
export function pathOf(segments: readonly (string | number)[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? s : `.${s}`;
  }
  return out === "" ? "(record)" : out;
}

export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  return `a ${typeof value}`;
}
