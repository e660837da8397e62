// Checks on every string of a record, wherever it sits (meta and unknown keys included):
// credentials, by the redactor's rules, reported by kind and position and never by value;
// and lone UTF-16 surrogates (a `\ud800` escape), which no UTF-8 encoder can write.
import type { Redactor } from "../redact.js";
import { problem, type CodeFilter, type Problem } from "./problem.js";
import { pathOf } from "./text-field.js";

export interface StringRuleOptions {
  redactor: Redactor;
  enabled: CodeFilter;
}

/** Walks the record's strings (in key order) and checks each. */
export function checkStrings(value: unknown, options: StringRuleOptions, out: Problem[]): void {
  const secrets = options.enabled("secret");
  const utf8 = options.enabled("invalid-utf8");
  if (!secrets && !utf8) return;
  const path: (string | number)[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.length === 0) return;
      if (utf8 && !isWellFormed(v)) loneSurrogate(v, pathOf(path), out);
      if (secrets) secretsIn(v, path, options.redactor, out);
      return;
    }
    if (v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i]);
        path.pop();
      }
      return;
    }
    for (const key in v) {
      path.push(key);
      visit((v as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(value);
}

function secretsIn(text: string, path: readonly (string | number)[], redactor: Redactor, out: Problem[]): void {
  const findings = redactor.scan(text);
  if (findings.length === 0) return;
  const field = pathOf(path);
  for (const f of findings) {
    out.push(
      problem("secret", `a credential (${f.kind}) in ${field} at character ${f.start + 1}; remove or redact it`, {
        field,
        offset: f.start,
      }),
    );
  }
}

// String.prototype.isWellFormed is in Node 20 (V8 11.3) but not in the ES2023 lib types.
const wellFormed = (String.prototype as unknown as { isWellFormed?: () => boolean }).isWellFormed;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormed(text: string): boolean {
  return wellFormed ? wellFormed.call(text) : !LONE.test(text);
}

function loneSurrogate(text: string, field: string, out: Problem[]): void {
  const m = LONE.exec(text);
  const index = m?.index ?? 0;
  const unit = text.charCodeAt(index).toString(16).toUpperCase();
  out.push(
    problem("invalid-utf8", `${field} holds a lone surrogate U+${unit} at character ${index + 1}, which is not valid UTF-8 text`, {
      field,
      offset: index,
    }),
  );
}
