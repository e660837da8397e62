// What local, pr and repo share: rules, sinks, the pipeline run, the summary, the state.
import { statSync } from "node:fs";
import { createDiffFilter } from "../diff/filter.js";
import { RunError, UsageError } from "../errors.js";
import type { ExtractContext } from "../extractor.js";
import type { Format, OutputRecord } from "../formats.js";
import type { Logger } from "../log.js";
import { runPipeline, type PipelineDeps, type PipelineOptions, type RunSummary, type SecretPolicy } from "../pipeline.js";
import type { SourceKind, SourceRecord } from "../records.js";
import { createPseudonymizer, type Redactor } from "../redact.js";
import { createBalancer, createDeduper, matchesLanguages, matchesText, type BalanceKey, type DedupMode } from "../curate/index.js";
import type { Triple } from "../records.js";
import { resolveRules } from "../rules/loader.js";
import type { Rule } from "../rules/rule.js";
import { openAtomicFile, stdoutSink, type LineSink } from "../write/atomic-file.js";
import { readExistingOutput, type ExistingOutput } from "../write/existing-ids.js";
import { changedSelection, type SourceState } from "../write/state.js";
import { recordIdentity } from "../validate/index.js";

export interface HarvestOptions {
  out: string;
  mapping: string[];
  format: Format;
  rejects?: string;
  limit?: number;
  since?: Date;
  include: string[];
  exclude: string[];
  maxDiffLines: number;
  maxDiffBytes: number;
  append: boolean;
  includeBots: boolean;
  onSecret: SecretPolicy;
  /** --match: keep triples whose instruction, input or output matches. */
  match?: RegExp;
  /** --languages: keep triples whose diff touches one of these. */
  languages?: ReadonlySet<string>;
  /** --balance with --limit: an even mix across these groups. */
  balance?: BalanceKey;
  seed?: number;
  /** --dedup near: also drop near-duplicates (exact ones are always dropped). */
  dedup?: DedupMode;
  dedupThreshold?: number;
  /** --pseudonymize: authors become stable pseudonyms, keyed by this salt. */
  pseudonymize?: { salt: string };
}

export interface HarvestDeps {
  log: Logger;
  redactor: Redactor;
  check: PipelineDeps["check"];
  isBot: PipelineDeps["isBot"];
  stdout: NodeJS.WritableStream;
  /** Aborted on Ctrl-C: the run stops and no output file is touched. */
  signal: AbortSignal;
}

export interface HarvestSource {
  /** What the source yields, to pick the default rules. */
  produces: readonly SourceKind[];
  /** The records, given the rules of the run so that a source can fetch only what they read. */
  records(ctx: ExtractContext, rules: readonly Rule[]): AsyncIterable<SourceRecord>;
  /** Called after the output was written, to advance the --state file. */
  afterWrite?(summary: RunSummary): Promise<void>;
  /** The --state file afterWrite advances: the summary says when --limit kept it as it was. */
  stateFile?: string;
  /** What the source itself left out, by reason, after it was read: counted in the summary. */
  skipped?(): Readonly<Record<string, number>>;
}

export async function harvest(source: HarvestSource, options: HarvestOptions, deps: HarvestDeps): Promise<RunSummary> {
  const rules = resolveRules(options.mapping, source.produces);
  if (rules.length === 0) throw new UsageError(`no mapping rule reads ${source.produces.join(" or ")} records; see gh-harvest mappings`);
  if (options.append && options.out === "-") throw new UsageError("--append needs --out <file>");
  const existing = options.append ? await readExistingOutput(options.out) : undefined;
  // One file of two shapes fails every loader (and `validate`): refused before any work.
  if (existing?.format && existing.format !== options.format) {
    throw new UsageError(`${options.out} holds ${existing.format} records; --append --format ${options.format} would mix two shapes: give --format ${existing.format}, or another --out`);
  }
  const skipIds = existing?.ids;
  // A --state run reads only what is new: without --append, that is all the file keeps.
  const replacesEarlier = Boolean(source.stateFile && !options.append && options.out !== "-" && nonEmpty(source.stateFile) && nonEmpty(options.out));
  const sinks: LineSink[] = [];
  const open = async (path: string, keepExisting: boolean) => {
    const sink = await openAtomicFile(path, { keepExisting });
    sinks.push(sink);
    return sink;
  };
  try {
    const out = options.out === "-" ? stdoutSink(deps.stdout) : await open(options.out, options.append);
    // "-" is standard output, as for --out: a pipeline may want the rejects and not the records.
    if (options.rejects === "-" && options.out === "-") throw new UsageError("--rejects - and --out - would both write to stdout; give one of them a file");
    const rejects = options.rejects === "-" ? stdoutSink(deps.stdout) : options.rejects ? await open(options.rejects, false) : undefined;
    const ctx: ExtractContext = {
      since: options.since,
      signal: deps.signal,
      diffFilter: createDiffFilter({ include: options.include, exclude: options.exclude }),
      maxDiffLines: options.maxDiffLines,
      maxDiffBytes: options.maxDiffBytes,
      log: deps.log,
    };
    const holds = existing && ((record: OutputRecord) => heldIn(existing, record, options.format));
    const summary = await runPipeline(source.records(ctx, rules), pipelineOptions(rules, options), { ...deps, out, rejects, skipIds, holds });
    // Items the source skipped itself (a shallow clone's boundary) were read too: "from N items" counts them.
    for (const [reason, n] of Object.entries(source.skipped?.() ?? {})) {
      summary.skipped[reason] = (summary.skipped[reason] ?? 0) + n;
      summary.scanned += n;
    }
    if (deps.signal.aborted) throw new RunError("interrupted; no output was written");
    for (const sink of sinks) await sink.commit();
    await source.afterWrite?.(summary);
    deps.log.info(describeSummary(summary, { ...options, state: source.stateFile }));
    if (replacesEarlier) {
      deps.log.warn(
        `${options.out} now holds only this run's ${summary.written} new record${summary.written === 1 ? "" : "s"}: ` +
          `--state ${source.stateFile} reads only what is new, and without --append the file is replaced (add --append to keep the earlier records)`,
      );
    }
    return summary;
  } catch (error) {
    for (const sink of sinks) await sink.abort();
    if (deps.signal.aborted) throw new RunError("interrupted; no output was written", { cause: error });
    throw error;
  }
}

function nonEmpty(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** Whether the file --append adds to holds this content, as `validate` would call it a duplicate. */
function heldIn(existing: ExistingOutput, record: OutputRecord, format: Format): boolean {
  const identity = recordIdentity(record as unknown as Record<string, unknown>, format);
  return identity.length > 0 && existing.contents.has(identity);
}

/**
 * The options that decide which items a run leaves out, as flag -> value, defaults left out.
 * A --state entry keeps them: a later run with others would never read again what these left
 * out (the state says those commits or items are done), and is told so.
 */
export function selectionOf(options: HarvestOptions): Record<string, string> {
  const list = (values: Iterable<string>) => [...values].sort().join(",");
  const selection: Record<string, string | undefined> = {
    "--mapping": options.mapping.length > 0 ? list(options.mapping) : undefined,
    "--since": options.since?.toISOString(),
    "--include": options.include.length > 0 ? list(options.include) : undefined,
    "--exclude": options.exclude.length > 0 ? list(options.exclude) : undefined,
    "--max-diff-lines": String(options.maxDiffLines),
    "--max-diff-bytes": String(options.maxDiffBytes),
    "--include-bots": options.includeBots ? "on" : undefined,
    "--on-secret": options.onSecret === "drop" ? "drop" : undefined,
    "--match": options.match?.source,
    "--languages": options.languages ? list(options.languages) : undefined,
  };
  return Object.fromEntries(Object.entries(selection).filter((e): e is [string, string] => e[1] !== undefined));
}

/** One warning when a --state entry was harvested with other options than this run's. */
export function warnOnChangedSelection(stateFile: string, name: string, saved: SourceState | undefined, options: HarvestOptions, log: Logger): void {
  const changed = changedSelection(saved, selectionOf(options));
  if (changed.length === 0) return;
  log.warn(
    `${stateFile}: ${name} was last harvested with other options (${changed.join(", ")}); ` +
      `what those left out is not read again: delete ${stateFile} to harvest everything with these`,
  );
}

function pipelineOptions(rules: readonly Rule[], options: HarvestOptions): PipelineOptions {
  const { match, languages, balance, limit } = options;
  if (balance && limit === undefined) throw new UsageError("--balance needs --limit N: how many records the even mix holds");
  const select = (triple: Triple) => {
    if (match && !matchesText(triple, match)) return "does not match --match";
    if (languages && !matchesLanguages(triple, languages)) return "not in --languages";
    return undefined;
  };
  return {
    rules,
    format: options.format,
    limit: balance ? undefined : limit,
    includeBots: options.includeBots,
    onSecret: options.onSecret,
    select: match || languages ? select : undefined,
    // Exact duplicates are the validator's `duplicate` check; near ones need MinHash.
    deduper: options.dedup === "near" ? createDeduper({ mode: "near", threshold: options.dedupThreshold }) : undefined,
    balancer: balance && limit ? createBalancer({ by: balance, limit, seed: options.seed, languages }) : undefined,
    pseudonymize: options.pseudonymize ? createPseudonymizer({ salt: options.pseudonymize.salt }) : undefined,
  };
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");

export function describeSummary(summary: RunSummary, options: Pick<HarvestOptions, "out" | "rejects"> & { state?: string }): string {
  const where = options.out === "-" ? "stdout" : options.out;
  const lines = [
    `gh-harvest: wrote ${summary.written} record${summary.written === 1 ? "" : "s"} to ${where}` +
      (summary.written > 0 ? ` (${counts(summary.byMapping)})` : "") +
      ` from ${summary.scanned} item${summary.scanned === 1 ? "" : "s"}${summary.limitReached ? " (--limit reached)" : ""}` +
      (summary.readerClosed ? "; stopped there: stdout's reader closed it" : ""),
  ];
  const skipped = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
  if (skipped > 0) lines.push(`  skipped ${skipped}: ${counts(summary.skipped)}`);
  if (summary.rejected > 0) {
    lines.push(`  rejected ${summary.rejected}: ${counts(summary.rejectedBy)}${options.rejects ? ` (see ${options.rejects === "-" ? "stdout" : options.rejects})` : " (--rejects FILE keeps them)"}`);
  }
  if (Object.keys(summary.redacted).length > 0) lines.push(`  redacted: ${counts(summary.redacted)}`);
  // Saving it would skip what the limit left unread; not saying so would let a scheduled run
  // with --limit harvest the same items forever without anyone knowing why.
  if (summary.limitReached && options.state) {
    lines.push(`  ${options.state} not updated: --limit stopped the run before it read everything, so the next run starts from the same point`);
  }
  if (summary.readerClosed && options.state) lines.push(`  ${options.state} not updated: the run stopped before it read everything`);
  return lines.join("\n");
}
