// --redact-pattern REGEX (repeatable, and in the config): internal hostnames, codenames,
// ticket URLs. Checked once, up front, so a typo fails the run with exit 2 before any work.
import { UsageError } from "../errors.js";

// Probes for a pattern that matches the empty string somewhere: it would "find" nothing at
// every position, so it is surely a mistake (`a*`, `x|`, `(foo)?`, `\b`).
const PROBES = ["", "a", "Z 9", "internal.corp.example -_./:@#\n", "ghp_0123456789 <REDACTED:email>"];

/**
 * Compiles a user pattern to a global regex; throws UsageError naming the pattern when it does
 * not compile or can match the empty string.
 */
export function compileRedactPattern(source: string, option = "--redact-pattern"): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, "g");
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(error);
    throw new UsageError(`${option} ${JSON.stringify(source)}: not a valid regular expression (${reason})`);
  }
  for (const probe of PROBES) {
    for (const m of probe.matchAll(pattern)) {
      if (m[0].length === 0) {
        throw new UsageError(`${option} ${JSON.stringify(source)}: matches the empty string; give a pattern that needs at least one character`);
      }
    }
  }
  return pattern;
}
