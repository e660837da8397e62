// Parsers for command-line values: each failure is a UsageError that names the option.
import { InvalidArgumentError } from "commander";
import { parseLanguages, parseMatchPattern } from "./curate/index.js";
import { FORMATS, type Format } from "./formats.js";
import { compileRedactPattern } from "./redact.js";
import { SECRET_POLICIES, type SecretPolicy } from "./pipeline.js";

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  }
  return n;
}

export function isoDate(value: string): Date {
  // A bare date means midnight UTC, as git's --since would read it in a UTC zone.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(`expected an ISO date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "${value}"`);
  }
  return date;
}

export function format(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FORMATS.join(", ")}, got "${value}"`);
  }
  return value as Format;
}

export function secretPolicy(value: string): SecretPolicy {
  if (!(SECRET_POLICIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${SECRET_POLICIES.join(", ")}, got "${value}"`);
  }
  return value as SecretPolicy;
}

export const regex = asArgumentError((v: string) => compileRedactPattern(v));

/** For repeatable options: `-m a -m b`. */
export function collect<T>(parse: (v: string) => T) {
  return (value: string, previous: T[] = []) => [...previous, parse(value)];
}

export const asString = (v: string) => v;

/** `--repo-license acme/widgets=mit` */
export function repoLicense(value: string): [string, string] {
  const m = /^([^=\s]+\/[^=\s]+)=([A-Za-z0-9.+-]+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected OWNER/REPO=LICENSE such as acme/widgets=mit, got "${value}"`);
  return [m[1]!, m[2]!];
}

export function fraction(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 1) {
    throw new InvalidArgumentError(`expected a number above 0 and at most 1, got "${value}"`);
  }
  return n;
}

/** commander shows InvalidArgumentError's message; our parsers throw UsageError. */
function asArgumentError<T>(parse: (v: string) => T): (v: string) => T {
  return (v) => {
    try {
      return parse(v);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message.replace(/^--[\w-]+: /, ""));
    }
  };
}

export const matchPattern = asArgumentError(parseMatchPattern);
export const languageList = asArgumentError(parseLanguages);
