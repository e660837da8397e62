// Selection of triples: --match REGEX on their texts, --languages on meta.languages.
import { LANGUAGE_NAMES, languageOf } from "../diff/languages.js";
import { UsageError } from "../errors.js";
import type { Triple } from "../records.js";

/**
 * Parses --match. `/pattern/flags` is taken as written; a bare pattern is smart-case
 * (as ripgrep's --smart-case and vim's smartcase): case-insensitive unless it has an
 * upper-case letter, so `--match coroutine` also finds "Coroutines".
 */
export function parseMatchPattern(source: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(source);
  const pattern = literal ? literal[1]! : source;
  const flags = literal ? literal[2]!.replace(/[gy]/g, "") : /\p{Lu}/u.test(source) ? "u" : "iu";
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new UsageError(`--match: not a valid regular expression: ${source} (${(error as Error).message})`);
  }
}

/** Whether the regex matches the instruction, input (the diff, for most rules) or output. */
export function matchesText(triple: Pick<Triple, "instruction" | "input" | "output">, regex: RegExp): boolean {
  for (const text of [triple.instruction, triple.input, triple.output]) {
    regex.lastIndex = 0; // a /g or /y regex keeps state between calls
    if (regex.test(text)) return true;
  }
  return false;
}

/**
 * Parses --languages "python,rust,ts": lower-cased names as in meta.languages, where a
 * file extension stands for its language (ts -> typescript, py -> python, rs -> rust).
 */
export function parseLanguages(list: string): Set<string> {
  const names = list
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  if (names.length === 0) throw new UsageError(`--languages: expected a comma-separated list such as python,rust,typescript, got "${list}"`);
  const languages = names.map((name) => languageOf(`file.${name}`) ?? name);
  // A name no file is ever given (a typo, "cobol") would keep nothing, silently.
  const unknown = languages.filter((l) => !LANGUAGE_NAMES.includes(l));
  if (unknown.length > 0) {
    throw new UsageError(`--languages: unknown ${unknown.map((l) => `"${l}"`).join(", ")}; known: ${LANGUAGE_NAMES.join(", ")} (or a file extension such as ts, py, rs)`);
  }
  return new Set(languages);
}

/** Whether the triple touches one of the languages. A triple without meta.languages never does. */
export function matchesLanguages(triple: Pick<Triple, "meta">, languages: ReadonlySet<string>): boolean {
  return (triple.meta.languages ?? []).some((lang) => languages.has(lang));
}
