// `when:` conditions, compiled once. A failing condition gives the skip reason that the
// run's summary counts ("subject is trivial", "body has fewer than 5 words").
import { HEADLINE_FIELDS, type FieldValue } from "./fields.js";
import type { Condition } from "./schema.js";
import { isTrivialHeadline, isTrivialText, wordCount } from "./trivial.js";

/** Returns why the value fails, or undefined when it passes. */
export type Check = (value: FieldValue) => string | undefined;

export interface CompiledCondition {
  field: string;
  check: Check;
}

export function compileCondition(field: string, condition: Condition): CompiledCondition {
  if (typeof condition !== "object") {
    return { field, check: (v) => (v === condition ? undefined : `${field} is not ${String(condition)}`) };
  }
  const checks: Check[] = [];
  const text = (v: FieldValue) => String(v);
  if (condition.equals !== undefined) {
    const want = condition.equals;
    checks.push((v) => (v === want ? undefined : `${field} is not ${String(want)}`));
  }
  if (condition.notEmpty) checks.push((v) => (text(v).trim() === "" ? `${field} is empty` : undefined));
  // An absent or empty value is not "trivial" but missing (an issue no maintainer answered):
  // the summary's reason says which.
  // A headline is judged as one: "This is 0.2" over a body is the body's title.
  const trivial = HEADLINE_FIELDS.has(field) ? isTrivialHeadline : isTrivialText;
  if (condition.notTrivial) checks.push((v) => (text(v).trim() === "" ? `no ${field}` : trivial(text(v)) ? `${field} is trivial` : undefined));
  const { min, max, minWords, maxWords, minLength, maxLength } = condition;
  if (min !== undefined) checks.push((v) => (Number(v) < min ? `${field} is less than ${min}` : undefined));
  if (max !== undefined) checks.push((v) => (Number(v) > max ? `${field} is more than ${max}` : undefined));
  if (minWords !== undefined) {
    checks.push((v) => (wordCount(text(v)) < minWords ? `${field} has fewer than ${minWords} words` : undefined));
  }
  if (maxWords !== undefined) {
    checks.push((v) => (wordCount(text(v)) > maxWords ? `${field} has more than ${maxWords} words` : undefined));
  }
  if (minLength !== undefined) {
    checks.push((v) => (text(v).length < minLength ? `${field} is shorter than ${minLength} characters` : undefined));
  }
  if (maxLength !== undefined) {
    checks.push((v) => (text(v).length > maxLength ? `${field} is longer than ${maxLength} characters` : undefined));
  }
  if (condition.matches !== undefined) {
    const re = new RegExp(condition.matches);
    checks.push((v) => (re.test(text(v)) ? undefined : `${field} does not match ${condition.matches}`));
  }
  if (condition.notMatches !== undefined) {
    const re = new RegExp(condition.notMatches);
    checks.push((v) => (re.test(text(v)) ? `${field} matches ${condition.notMatches}` : undefined));
  }
  return {
    field,
    check(v) {
      for (const c of checks) {
        const why = c(v);
        if (why) return why;
      }
      return undefined;
    },
  };
}
