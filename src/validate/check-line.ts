// One JSONL line: parse it (and say where it is not JSON), check the record, and place
// each problem at its column. Stateless, like checkRecord: the file's memory (duplicates,
// keys of most lines) gets the hash and the keys returned here.
import { OPTIONAL_KEYS } from "../format-keys.js";
import type { Format } from "../formats.js";
import { checkRecord, type RecordCheckOptions } from "./check-record.js";
import { duplicateKeys } from "./duplicate-keys.js";
import { identityHash } from "./hash-set.js";
import { findJsonError } from "./json-syntax.js";
import { columnOf, parsePath } from "./locate.js";
import { problem, quote, type Problem } from "./problem.js";
import { displayPath, typeName } from "./text-field.js";

export interface LineCheckOptions extends RecordCheckOptions {
  /** --format; undefined: each line's own keys tell. */
  format?: Format;
  /** The keys of the last line checked and their key set, filled in as lines are checked. */
  lastKeySet?: { keys: readonly string[]; format: Format | undefined; value: string };
}

export interface LineResult {
  line: number;
  problems: Problem[];
  format?: Format;
  /** The record's top-level keys, sorted, as a JSON array; undefined when not an object. */
  keys?: string;
  /** 64 bits of the hash of the record's identity, when `duplicate` is enabled. */
  hash?: [number, number];
  tokens?: number;
}

const MAX_TRAILING_COMMAS = 20;

export function checkLine(text: string, line: number, options: LineCheckOptions): LineResult {
  const problems: Problem[] = [];
  let source = text;
  let value: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      value = JSON.parse(source);
      break;
    } catch (e) {
      const found = findJsonError(source);
      if (found?.trailingComma && attempt < MAX_TRAILING_COMMAS) {
        problems.push(problem("trailing-comma", `${found.message} at column ${found.index + 1}`, { line, column: found.index + 1 }));
        // A space instead of the comma keeps every later column where it was.
        source = `${source.slice(0, found.index)} ${source.slice(found.index + 1)}`;
        continue;
      }
      const index = found?.index ?? positionIn(e);
      const message = found?.message ?? v8Message(e);
      problems.push(problem("invalid-json", index === undefined ? message : `${message} at column ${index + 1}`, { line, column: index === undefined ? undefined : index + 1 }));
      return { line, problems: problems.filter((p) => options.enabled(p.code)) };
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    problems.push(problem("wrong-type", `the line must be a JSON object, not ${typeName(value)}`, { line, column: 1 }));
    return { line, problems: problems.filter((p) => options.enabled(p.code)) };
  }
  const record = value as Record<string, unknown>;
  const checked = checkRecord(record, options.format, options);
  for (const p of checked.problems) {
    p.line = line;
    if (p.field !== undefined) {
      const path = parsePath(p.field);
      p.column = columnOf(source, path, p.offset ?? 0);
      // As the JSON report shows it: keys that are not plain names quoted, a deep path shortened.
      p.field = displayPath(path);
    }
    problems.push(p);
  }
  if (options.enabled("duplicate-key")) {
    for (const d of duplicateKeys(source, record)) {
      const where = d.path.length === 0 ? undefined : displayPath(d.path);
      problems.push(
        problem("duplicate-key", `the key ${quote(d.key)} is written twice in ${where ?? "the record"}; JSON readers keep only the last value`, {
          line,
          column: d.index + 1,
          field: where,
        }),
      );
    }
  }
  const result: LineResult = {
    line,
    problems: problems.length === 0 ? problems : problems.filter((p) => options.enabled(p.code)),
    format: checked.format,
    keys: keySet(record, checked.format, options),
    tokens: checked.tokens,
  };
  if (options.enabled("duplicate") && checked.identity.length > 0) result.hash = identityHash(checked.identity);
  return result;
}

/**
 * The record's top-level keys, sorted, as one string (a JSON array: a key may hold a line
 * break), those its format makes optional left out.
 */
function keySet(record: Record<string, unknown>, format: Format | undefined, options: LineCheckOptions): string {
  const keys = Object.keys(record);
  // Most lines of a file have the keys of the line before, in the same order: reuse its answer.
  const last = options.lastKeySet;
  if (last && last.format === format && sameKeys(last.keys, keys)) return last.value;
  const optional = format && OPTIONAL_KEYS[format];
  const value = JSON.stringify((optional ? keys.filter((k) => !optional.has(k)) : keys.slice()).sort());
  options.lastKeySet = { keys, format, value };
  return value;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function positionIn(error: unknown): number | undefined {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  return m ? Number(m[1]) : undefined;
}

/** V8's message without the part that quotes the line (it may hold a credential). */
function v8Message(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,? ".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
}
