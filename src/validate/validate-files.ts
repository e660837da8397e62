// `validate`'s engine: each input streamed as blocks of lines, checked (here, or in worker
// threads for big inputs), then folded in file order into the file's state, counted, and
// handed to the reporter. Memory: one block per worker in flight, plus the file state.
import type { Format } from "../formats.js";
import { createRedactor, type Redactor, type RedactorOptions } from "../redact.js";
import type { LineResult, LineCheckOptions } from "./check-line.js";
import { checkBlock } from "./check-block.js";
import { FileState } from "./file-state.js";
import { DuplicateSet } from "./hash-set.js";
import { TokenHistogram } from "./histogram.js";
import type { LineBlock } from "./line-blocks.js";
import { codeFilter, type Problem, type ProblemCode } from "./problem.js";
import type { FileSummary, Reporter, RunSummary } from "./report.js";
import { loadTokenCounter, type TokenCounter, type Tokenizer } from "./tokens.js";

export interface ValidateInput {
  /** As shown in the report: the path given, or "<stdin>". */
  name: string;
  /** The input as blocks of whole lines: fileLineBlocks or streamLineBlocks. */
  blocks: AsyncIterable<LineBlock>;
  /** Bytes, when known: big inputs are checked in worker threads. */
  size?: number;
}

export interface EngineOptions {
  format?: Format;
  ignore: readonly ProblemCode[];
  maxTokens: number;
  tokenizer: Tokenizer;
  /** The credential rules' options; plain data, so worker threads build the same redactor. */
  redactor: RedactorOptions;
  /** A ready redactor instead (tests, embedding): then every block is checked in this thread. */
  redactorInstance?: Redactor;
  /** Worker threads for big inputs, besides this thread (it checks a share); 0 checks in this thread only. */
  jobs: number;
  /** Count tokens even if too-long is ignored (the JSON report). */
  wantTokens: boolean;
  /** Inputs at least this big go to the workers; default PARALLEL_MIN_BYTES (PARALLEL_MIN_BYTES_EXACT_TOKENS with an exact tokenizer). */
  parallelMinBytes?: number;
}

/** Checks blocks of lines; results come back in the order the blocks went in. */
export interface BlockChecker {
  check(block: LineBlock): Promise<LineResult[]>;
  close(): Promise<void>;
  /** Blocks to keep in flight. */
  window: number;
}

/** `local` checks blocks in this thread: the factory may give it a share of the work. */
export type BlockCheckerFactory = (options: EngineOptions, local: BlockChecker) => Promise<BlockChecker>;

/**
 * Inputs smaller than this are checked in this thread: starting workers costs more. A worker
 * takes some 0.3 s to start and warm up (V8 optimizing the same code a second time), and on
 * 2 cores one worker breaks even with one thread at about 100 MB (bench/README.md: 100 MB
 * 1.06 s against 0.99, 1 GB 4.2 s against 7.5).
 */
export const PARALLEL_MIN_BYTES = 128 << 20;
/** The same with an exact tokenizer, 20 times slower a megabyte: workers pay off much sooner. */
export const PARALLEL_MIN_BYTES_EXACT_TOKENS = 8 << 20;

export async function validateInputs(
  inputs: readonly ValidateInput[],
  options: EngineOptions,
  reporter: Reporter,
  parallel?: BlockCheckerFactory,
): Promise<RunSummary> {
  const enabled = codeFilter(options.ignore);
  const lineOptions = lineCheckOptions(options, await loadTokenCounter(options.tokenizer));
  const out = redactingReporter(reporter, lineOptions.redactor);
  const local: BlockChecker = {
    check: async (block) => {
      const results = checkBlock(block, lineOptions);
      // The results hold copies (strings), never the bytes: the reader may reuse them.
      if (block.owned) block.recycle?.(block.bytes.buffer as ArrayBuffer);
      return results;
    },
    close: async () => {},
    window: 2,
  };
  const summary: RunSummary = { files: [], records: 0, errors: 0, warnings: 0, counts: {}, tokens: undefined };
  const tokens = new TokenHistogram();
  // One set for the run: a record of the second file that is in the first is a duplicate.
  const run = { seen: new DuplicateSet(), names: inputs.map((i) => i.name) };
  let pool: BlockChecker | undefined;
  try {
    for (const [index, input] of inputs.entries()) {
      const minBytes = options.parallelMinBytes ?? (options.tokenizer === "approx" ? PARALLEL_MIN_BYTES : PARALLEL_MIN_BYTES_EXACT_TOKENS);
      const big = (input.size ?? 0) >= minBytes;
      // A ready redactor instance cannot be sent to a worker thread.
      const threads = parallel && options.jobs > 0 && big && !options.redactorInstance;
      const checker = threads ? (pool ??= await parallel(options, local)) : local;
      const state = new FileState({ enabled, seen: run.seen, file: index, names: run.names });
      const file = await validateInput(input, state, checker, out, summary);
      tokens.merge(file.tokensHistogram);
      summary.files.push(file.summary);
    }
  } finally {
    await pool?.close();
  }
  const stats = tokens.stats();
  summary.tokens = stats && { ...stats, tokenizer: options.tokenizer, maxTokens: options.maxTokens };
  return summary;
}

/**
 * A message or a field path may quote the file (a key, a role, an instruction): a credential
 * there leaves as `<REDACTED:kind>`, like everywhere else. Quotes are never cut inside a word
 * (quote() in problem.ts), so what they hold of a credential is all of it.
 */
function redactingReporter(reporter: Reporter, redactor: Redactor): Reporter {
  return {
    get closed() {
      return reporter.closed;
    },
    problem: (file, p) => reporter.problem(file, redactProblem(p, redactor)),
    flush: () => reporter.flush(),
    end: (summary) => reporter.end(summary),
  };
}

/** The problem as it may be shown: its message and field path with every credential redacted. */
export function redactProblem(p: Problem, redactor: Redactor): Problem {
  const field = p.field === undefined ? undefined : redactor.redact(p.field).text;
  return { ...p, message: redactor.redact(p.message).text, ...(field === undefined ? {} : { field }) };
}

/** What checkBlock needs, from the engine's plain-data options (also in worker threads). */
export function lineCheckOptions(options: EngineOptions, countTokens: TokenCounter): LineCheckOptions {
  const { format, maxTokens, tokenizer, wantTokens } = options;
  const redactor = options.redactorInstance ?? credentialRedactor(options.redactor);
  return { format, maxTokens, tokenizer, wantTokens, countTokens, enabled: codeFilter(options.ignore), redactor, cleanKeys: new Set() };
}

/** The redactor's rules minus personal data: an e-mail address is redacted by a harvest, but it is not a credential. */
export function credentialRedactor(options: RedactorOptions = {}): Redactor {
  return createRedactor({ ...options, emails: false });
}

async function validateInput(input: ValidateInput, state: FileState, checker: BlockChecker, reporter: Reporter, run: RunSummary) {
  const file: FileSummary = { file: input.name, format: null, records: 0, errors: 0, warnings: 0, tokens: null };
  const report = (p: Problem) => {
    if (p.severity === "error") file.errors++;
    else file.warnings++;
    run.counts[p.code] = (run.counts[p.code] ?? 0) + 1;
    reporter.problem(input.name, p);
  };
  const fold = async (results: LineResult[]) => {
    for (const result of results) {
      const more = state.add(result);
      for (const p of result.problems) report(p);
      for (const p of more) report(p);
    }
    await reporter.flush();
  };
  // Keep a few blocks in flight so that reading, checking and reporting overlap.
  const inFlight: Promise<LineResult[]>[] = [];
  for await (const block of input.blocks) {
    if (reporter.closed) break;
    const pending = checker.check(block);
    pending.catch(() => {}); // awaited in turn below; this only keeps a later failure from going unhandled meanwhile
    inFlight.push(pending);
    if (inFlight.length >= checker.window) await fold(await inFlight.shift()!);
  }
  while (inFlight.length > 0) await fold(await inFlight.shift()!);
  for (const p of state.finish()) report(p);
  file.records = state.records;
  file.format = state.format ?? null;
  file.tokens = state.tokens.stats() ?? null;
  run.records += file.records;
  run.errors += file.errors;
  run.warnings += file.warnings;
  await reporter.flush();
  return { summary: file, tokensHistogram: state.tokens };
}
