// What every check reports: a named code, its severity, a message that says what to fix,
// and where (line and column for a file; field and offset for a record). The codes are
// part of the CLI contract (`--ignore CODE`, the JSON report), so they only ever grow.

export const ERROR_CODES = [
  "invalid-json",
  "trailing-comma",
  "invalid-utf8",
  "missing-field",
  "wrong-type",
  "empty-field",
  "inconsistent-fields",
  "placeholder",
  "duplicate",
  "secret",
  // Chat formats, after the OpenAI cookbook's format checker.
  "unknown-key",
  "unknown-role",
  "missing-assistant",
  // A line too long to be one record (MAX_LINE_BYTES): skipped unread.
  "line-too-long",
  // A key twice in one object: readers keep the last value, and the first is lost.
  "duplicate-key",
] as const;

export const WARNING_CODES = [
  "compound-instruction",
  "vague-instruction",
  "passive-instruction",
  "mixed-indentation",
  "unbalanced-fence",
  "too-long",
] as const;

export const PROBLEM_CODES = [...ERROR_CODES, ...WARNING_CODES] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Severity = "error" | "warning";

const WARNINGS: ReadonlySet<string> = new Set(WARNING_CODES);

export function severityOf(code: ProblemCode): Severity {
  return WARNINGS.has(code) ? "warning" : "error";
}

export function isProblemCode(value: string): value is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(value);
}

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** 1-based line of the file (validate only). */
  line?: number;
  /** 1-based column in the line: in characters (UTF-16 code units), or in bytes for invalid-utf8. */
  column?: number;
  /** Where in the record, as a path: "output", "messages[2].content". */
  field?: string;
  /** 0-based position in the field's text (a secret's start, an offending code line). */
  offset?: number;
  /** 0-based byte offset in the file (invalid-utf8). */
  byteOffset?: number;
}

export function problem(code: ProblemCode, message: string, where: Omit<Problem, "code" | "severity" | "message"> = {}): Problem {
  return { code, severity: severityOf(code), message, ...where };
}

/**
 * Text from the file, for a message: in double quotes and on one line (JSON's escapes), cut
 * only where it has a blank, so that a credential in it is either whole, for the report's
 * redaction to find, or absent; longer than `max` with no blank to cut at, its length instead.
 */
export function quote(text: string, max = 40): string {
  if (text.length <= max) return JSON.stringify(text);
  let cut = max - 4;
  while (cut > 0 && !/\s/.test(text[cut]!)) cut--;
  return cut > 0 ? JSON.stringify(`${text.slice(0, cut)} ...`) : `(${withCommas(text.length)} characters)`;
}

/** Which codes to run and report: everything but --ignore'd ones. */
export type CodeFilter = (code: ProblemCode) => boolean;

export function codeFilter(ignore: readonly ProblemCode[] = []): CodeFilter {
  if (ignore.length === 0) return () => true;
  const ignored = new Set<ProblemCode>(ignore);
  return (code) => !ignored.has(code);
}

/**
 * 12,345 as toLocaleString("en") writes a whole number, without its first call's cost
 * (about 30 ms to load the locale data, a tenth of `validate`'s start-up).
 */
export function withCommas(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
