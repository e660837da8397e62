// The command-line parsers `validate` needs, without what src/cli-options.ts loads for the
// harvesting commands (curate, pipeline and zod: about 0.3 s of start-up). Same messages:
// cli-options.ts may re-export these.
import { InvalidArgumentError } from "commander";
import { FORMATS, type Format } from "./format-keys.js";
import { compileRedactPattern } from "./redact/user-patterns.js";

export function positiveInt(value: string): number {
  return wholeNumber(value, 1);
}

/** A whole number of at least `min` (0 by default: `--jobs 0`, `--seed 0`). */
export function wholeNumber(value: string, min = 0): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}"`);
  }
  return n;
}

export function format(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FORMATS.join(", ")}, got "${value}"`);
  }
  return value as Format;
}

/** For repeatable options: `-m a -m b`. */
export function collect<T>(parse: (v: string) => T) {
  return (value: string, previous: T[] = []) => [...previous, parse(value)];
}

/** Any text but an empty one: `--include "$INC"` with INC unset is a mistake, not "every file". */
export function asString(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("expected a value, got an empty string");
  return value;
}

/** commander shows InvalidArgumentError's message; our parsers throw UsageError. */
export function asArgumentError<T>(parse: (v: string) => T): (v: string) => T {
  return (v) => {
    try {
      return parse(v);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message.replace(/^--[\w-]+: /, ""));
    }
  };
}

export const regex = asArgumentError((v: string) => compileRedactPattern(v));
