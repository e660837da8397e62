// Parsers for command-line values: each failure is a UsageError that names the option.
// The parsers `validate` needs too live in cli-values.ts, which loads no zod; these are the
// harvesting commands' own.
import { InvalidArgumentError } from "commander";
import { asArgumentError } from "./cli-values.js";
import { parseLanguages, parseMatchPattern } from "./curate/index.js";
import { SECRET_POLICIES, type SecretPolicy } from "./pipeline.js";

export { asArgumentError, asString, collect, format, positiveInt, regex } from "./cli-values.js";

export function isoDate(value: string): Date {
  // A bare date means midnight UTC, as git's --since would read it in a UTC zone.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(iso);
  // Date rolls 2024-02-30 over into March: the day must exist in its month.
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const real = new Date(Date.UTC(y, m - 1, d));
  const exists = real.getUTCFullYear() === y && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()) || !exists) {
    throw new InvalidArgumentError(`expected an ISO date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "${value}"`);
  }
  return date;
}

export function secretPolicy(value: string): SecretPolicy {
  if (!(SECRET_POLICIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${SECRET_POLICIES.join(", ")}, got "${value}"`);
  }
  return value as SecretPolicy;
}

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

export const matchPattern = asArgumentError(parseMatchPattern);
export const languageList = asArgumentError(parseLanguages);
