// `gh-harvest validate <file...>`: every problem of JSONL datasets, one line each (or one
// JSON report), then a summary; exit 1 on errors (and on warnings with --strict).
import type { FileHandle } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { UsageError } from "../errors.js";
import type { Format } from "../formats.js";
import { datasetBlocks, firstSight, jsonlFilesOf, openDataset } from "../jsonl-files.js";
import type { Redactor } from "../redact.js";
import { isProblemCode, PROBLEM_CODES, type ProblemCode } from "../validate/problem.js";
import { streamLineBlocks } from "../validate/line-blocks.js";
import { jsonReporter, textReporter } from "../validate/report.js";
import { DEFAULT_MAX_TOKENS } from "../validate/triple.js";
import { TOKENIZERS, type Tokenizer } from "../validate/tokens.js";
import { validateInputs, type ValidateInput } from "../validate/validate-files.js";
import { workerPool } from "../validate/worker-pool.js";

export interface ValidateOptions {
  format?: Format;
  json?: boolean;
  strict?: boolean;
  /** Codes to silence; each entry may also be a comma-separated list. */
  ignore?: string[];
  maxTokens?: number;
  /** approx (default), o200k or cl100k. */
  tokenizer?: Tokenizer;
  /**
   * Worker threads for inputs of 128 MB or more (8 MB with an exact tokenizer), besides this
   * thread, which checks its share; 0 checks everything in this thread. Default: cores - 1,
   * up to 3.
   */
  jobs?: number;
  /** More credential patterns, as --redact-pattern gives them to the harvest (kind "custom"). */
  redactPatterns?: RegExp[];
  /** A ready redactor instead of redactPatterns; it cannot cross into worker threads, so it turns them off. */
  redactor?: Redactor;
}

export interface ValidateIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export async function runValidate(files: string[], options: ValidateOptions, io: ValidateIO): Promise<number> {
  if (files.length === 0) throw new UsageError("validate: name at least one JSONL file, or - for standard input");
  const ignore = parseIgnore(options.ignore ?? []);
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new UsageError(`--max-tokens must be a positive whole number, got ${maxTokens}`);
  const tokenizer = options.tokenizer ?? "approx";
  if (!TOKENIZERS.includes(tokenizer)) throw new UsageError(`--tokenizer must be one of ${TOKENIZERS.join(", ")}, got "${tokenizer}"`);
  // One thread per core at most, this one included (it checks a share of the blocks too).
  const jobs = options.jobs ?? Math.min(availableParallelism(), 4) - 1;
  if (!Number.isInteger(jobs) || jobs < 0) throw new UsageError(`--jobs must be 0 or more, got ${jobs}`);

  // Every file is opened before anything is reported: a typo in the last name fails fast.
  const handles: FileHandle[] = [];
  try {
    const inputs: ValidateInput[] = [];
    const firstTime = firstSight();
    for (const arg of files) {
      if (arg === "-") {
        inputs.push({ name: "<stdin>", blocks: streamLineBlocks(io.stdin as AsyncIterable<Buffer | string>) });
        continue;
      }
      for (const file of await jsonlFilesOf(arg)) {
        if (!(await firstTime(file))) continue;
        const handle = await openDataset(file);
        handles.push(handle);
        const { size } = await handle.stat();
        inputs.push({ name: file, blocks: await datasetBlocks(file, handle), size });
      }
    }
    const reporter = options.json ? jsonReporter(io.stdout) : textReporter(io.stdout);
    const summary = await validateInputs(
      inputs,
      { format: options.format, ignore, maxTokens, tokenizer, redactor: { extraPatterns: options.redactPatterns ?? [] }, redactorInstance: options.redactor, jobs, wantTokens: Boolean(options.json) },
      reporter,
      workerPool,
    );
    await reporter.end(summary);
    return summary.errors > 0 || (options.strict && summary.warnings > 0) ? 1 : 0;
  } finally {
    await Promise.all(handles.map((h) => h.close().catch(() => {})));
  }
}

export function parseIgnore(values: readonly string[]): ProblemCode[] {
  const codes: ProblemCode[] = [];
  for (const value of values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)) {
    if (!isProblemCode(value)) throw new UsageError(`--ignore: unknown problem code "${value}"; known codes: ${PROBLEM_CODES.join(", ")}`);
    codes.push(value);
  }
  return codes;
}
