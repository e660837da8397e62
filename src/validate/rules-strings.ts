// Checks on every string of a record, wherever it sits (meta and unknown keys included):
// credentials, by the redactor's rules, reported by kind and position and never by value;
// and lone UTF-16 surrogates (a `\ud800` escape), which no UTF-8 encoder can write.
import type { Redactor } from "../redact.js";
import { problem, type CodeFilter, type Problem } from "./problem.js";
import { displayPath, pathOf } from "./text-field.js";

export interface StringRuleOptions {
  redactor: Redactor;
  enabled: CodeFilter;
  /**
   * Keys already scanned and found clean, shared by the records of a run: the lines of a file
   * repeat the same few keys, and scanning each again would cost as much as a short text.
   */
  cleanKeys?: Set<string>;
}

/** cleanKeys stops growing here: a file whose keys are all different (ids as keys) scans each. */
const MAX_CLEAN_KEYS = 4096;

/** Walks the record's strings (in key order) and checks each. */
export function checkStrings(value: unknown, options: StringRuleOptions, out: Problem[]): void {
  const secrets = options.enabled("secret");
  const utf8 = options.enabled("invalid-utf8");
  if (!secrets && !utf8) return;
  const path: (string | number)[] = [];
  const check = (v: string): void => {
    if (v.length === 0) return;
    if (utf8 && !isWellFormed(v)) loneSurrogate(v, path, out);
    if (secrets) secretsIn(v, path, options.redactor, out);
  };
  // A key is a string of the file too ({"ghp_...": "ci"}): reported at its object.
  const { cleanKeys } = options;
  const checkKey = (key: string): void => {
    if (key === "" || cleanKeys?.has(key)) return;
    const found = secretsIn(key, path, options.redactor, out, true);
    if (!found && cleanKeys && cleanKeys.size < MAX_CLEAN_KEYS) cleanKeys.add(key);
  };
  if (typeof value === "string") return check(value);
  if (value === null || typeof value !== "object") return;
  // Depth first with a stack of its own, not by recursion: JSON nested 100,000 deep is valid,
  // JSON.parse reads it, and a recursive walk would overflow the call stack.
  const stack: Frame[] = [frameOf(value)];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.next === top.size) {
      stack.pop();
      if (stack.length > 0) path.pop(); // the root has no segment
      continue;
    }
    const i = top.next++;
    const key = top.keys ? top.keys[i]! : i;
    const child = (top.container as Record<string | number, unknown>)[key];
    if (secrets && typeof key === "string") checkKey(key);
    path.push(key);
    if (child !== null && typeof child === "object") {
      stack.push(frameOf(child)); // its segment stays on the path until it is done
      continue;
    }
    if (typeof child === "string") check(child);
    path.pop();
  }
}

interface Frame {
  container: object;
  /** An object's keys; undefined for an array. */
  keys: string[] | undefined;
  size: number;
  next: number;
}

function frameOf(container: object): Frame {
  if (Array.isArray(container)) return { container, keys: undefined, size: container.length, next: 0 };
  const keys = Object.keys(container);
  return { container, keys, size: keys.length, next: 0 };
}

/** Reports the credentials in the text (the string at `path`, or a key of the object there); true if any. */
function secretsIn(text: string, path: readonly (string | number)[], redactor: Redactor, out: Problem[], inKey = false): boolean {
  const findings = redactor.scan(text);
  if (findings.length === 0) return false;
  // A key is placed at its object (the column of its "{"); a key of the record, at the line.
  const field = path.length > 0 ? pathOf(path) : undefined;
  const shown = !inKey ? displayPath(path) : path.length > 0 ? `a key of ${displayPath(path)}` : "a key of the record";
  for (const f of findings) {
    out.push(
      problem("secret", `a credential (${f.kind}) in ${shown} at character ${f.start + 1}; remove or redact it`, {
        field,
        offset: f.start,
      }),
    );
  }
  return true;
}

// String.prototype.isWellFormed is in Node 20 (V8 11.3) but not in the ES2023 lib types.
const wellFormed = (String.prototype as unknown as { isWellFormed?: () => boolean }).isWellFormed;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormed(text: string): boolean {
  return wellFormed ? wellFormed.call(text) : !LONE.test(text);
}

function loneSurrogate(text: string, path: readonly (string | number)[], out: Problem[]): void {
  const field = pathOf(path);
  const m = LONE.exec(text);
  const index = m?.index ?? 0;
  const unit = text.charCodeAt(index).toString(16).toUpperCase();
  out.push(
    problem("invalid-utf8", `${displayPath(path)} holds a lone surrogate U+${unit} at character ${index + 1}, which is not valid UTF-8 text`, {
      field,
      offset: index,
    }),
  );
}
