// The collaborators every harvesting command passes to harvest(): built in one place so
// local, pr and repo redact, validate and skip bots the same way.
import { isBot } from "../github/bots.js";
import { createLogger } from "../log.js";
import { createRedactor, type RedactorOptions } from "../redact.js";
import { createTripleChecker } from "../validate/triple.js";
import type { HarvestDeps } from "./harvest.js";

export interface CommandContext {
  io: {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WriteStream;
    env: NodeJS.ProcessEnv;
    signal: AbortSignal;
  };
  debug(): boolean;
}

export function createHarvestDeps(
  ctx: CommandContext,
  options: { redactPatterns: readonly RegExp[]; redactLiterals?: RedactorOptions["literals"] },
): HarvestDeps & { finish(): void } {
  const log = createLogger({ stream: ctx.io.stderr, debug: ctx.debug() });
  const redactor = createRedactor({ extraPatterns: options.redactPatterns, literals: options.redactLiterals });
  // The pipeline has just redacted every text with these same rules, and redaction is
  // idempotent: scanning again for `secret` would cost a second pass and find nothing.
  const checker = createTripleChecker({ redactor, ignore: ["secret"] });
  return {
    log,
    redactor,
    check: (triple) => checker.check(triple),
    isBot,
    stdout: ctx.io.stdout,
    signal: ctx.io.signal,
    finish: () => log.done(),
  };
}
