// `gh-harvest stats FILE...`: what a dataset holds, in the terminal, as JSON, or as one
// self-contained HTML page. Streams the files; memory does not grow with their length.
import { UsageError } from "../errors.js";
import { jsonlFilesOfAll } from "../jsonl-files.js";
import { createStatsCollector, type Stats } from "../stats/collect.js";
import { histogramBins } from "../stats/histogram.js";
import { renderHtml } from "../stats/html-page.js";
import { assertReadable, readRecords } from "../stats/read-records.js";
import { renderTerminal } from "../stats/terminal.js";
import { TOKEN_COUNTING } from "../stats/tokens.js";
import { credentialRedactor } from "../validate/validate-files.js";
import { openAtomicFile } from "../write/atomic-file.js";

export interface StatsOptions {
  /** Also write the HTML report there. */
  html?: string;
  /** One JSON object on stdout instead of the terminal report. */
  json?: boolean;
  /** How many of the largest records to list (default 10). */
  top?: number;
}

export interface StatsIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Read for "-". */
  stdin?: NodeJS.ReadableStream;
}

const STDIN = "-";

export async function runStats(args: string[], options: StatsOptions, io: StatsIO): Promise<number> {
  if (args.length === 0) throw new UsageError("stats: name at least one JSONL file");
  if (options.top !== undefined && !(Number.isInteger(options.top) && options.top >= 0)) {
    throw new UsageError(`--top: expected a whole number >= 0, got ${options.top}`);
  }
  // A folder stands for the *.jsonl files under it, as for validate and merge.
  if (args.filter((a) => a === STDIN).length > 1) throw new UsageError("stats: - (standard input) can be read once");
  const files = await jsonlFilesOfAll(args);
  for (const file of files) if (file !== STDIN) await assertReadable(file); // fail before reading anything
  // Only the HTML page shows texts: a credential in a sampled record is shown as its kind,
  // and the run says so (the dataset itself holds it; `validate` says where).
  const redactor = options.html ? credentialRedactor() : undefined;
  const shown = new Map<string, number>();
  const redact = (text: string) => {
    const { text: clean, findings } = redactor!.redact(text);
    for (const f of findings) shown.set(f.kind, (shown.get(f.kind) ?? 0) + 1);
    return clean;
  };
  const collector = createStatsCollector({ top: options.top ?? 10, ...(redactor ? { redact } : {}) });
  for (const file of files) {
    const name = file === STDIN ? "<stdin>" : file;
    collector.startFile(name);
    for await (const read of readRecords(name, file === STDIN ? (io.stdin ?? process.stdin) : undefined)) {
      if ("problem" in read) collector.skip(read.line, read.problem);
      else collector.add(read.record, read);
    }
  }
  const stats = collector.result();
  for (const f of stats.files) {
    if (f.skipped > 0) io.stderr.write(`gh-harvest: warning: ${f.file}: ${f.skipped} line${f.skipped === 1 ? "" : "s"} skipped, first at ${f.firstProblem} (see gh-harvest validate)\n`);
  }
  if (options.html) {
    if (shown.size > 0) {
      const kinds = [...shown].map(([kind, n]) => `${n} ${kind}`).join(", ");
      io.stderr.write(`gh-harvest: warning: sampled records hold credentials (${kinds}); the HTML page shows them as <REDACTED:kind>; see gh-harvest validate\n`);
    }
    const sink = await openAtomicFile(options.html);
    try {
      await sink.write(renderHtml(stats));
      await sink.commit();
    } catch (error) {
      await sink.abort();
      throw error;
    }
  }
  io.stdout.write(options.json ? `${JSON.stringify(statsJson(stats), null, 2)}\n` : renderTerminal(stats));
  if (options.html && !options.json) io.stdout.write(`\nHTML report written to ${options.html}\n`);
  return 0;
}

/** The --json shape: the counts, the length summary with its bins, the largest records. */
export function statsJson(stats: Stats) {
  const { counts, ...tokens } = stats.tokens;
  return {
    records: stats.records,
    files: stats.files,
    byMapping: stats.byMapping,
    bySource: stats.bySource,
    byRepo: stats.byRepo,
    byLanguage: stats.byLanguage,
    redacted: stats.redacted,
    tokens: { counting: TOKEN_COUNTING, ...tokens, histogram: histogramBins(counts).map((b) => ({ from: b.from, to: b.to ?? null, count: b.count })) },
    largest: stats.largest,
  };
}
