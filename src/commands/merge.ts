// `gh-harvest merge a.jsonl b.jsonl ... -o all.jsonl`: joins the shards of a fanned-out
// harvest. Every line goes through the validator: a line with an error is reported (with
// its file and line) and not written; so is a line of another format than the first
// record's. Then the first record of a meta.id wins, and of several records with the same
// instruction, input and output (curate's exactKey) only the first is kept. Lines are
// copied byte for byte; the output is written atomically. Exit 1 when a line was dropped
// as invalid (the merged file is still written), else 0: duplicates are what merge is for.
import { stat } from "node:fs/promises";
import { exactKey } from "../curate/index.js";
import { UsageError } from "../errors.js";
import type { Format } from "../formats.js";
import { cannotRead, datasetBlocks, jsonlFilesUnder, openDataset } from "../jsonl-files.js";
import { checkBlock } from "../validate/check-block.js";
import type { LineBlock } from "../validate/line-blocks.js";
import { problem, type Problem } from "../validate/problem.js";
import { approximateTokens } from "../validate/tokens.js";
import { DEFAULT_MAX_TOKENS } from "../validate/triple.js";
import { lineCheckOptions, redactProblem } from "../validate/validate-files.js";
import { openAtomicFile, stdoutSink, type LineSink } from "../write/atomic-file.js";

export interface MergeSummary {
  files: number;
  /** Records read (blank lines are not records). */
  read: number;
  written: number;
  duplicateIds: number;
  duplicateContent: number;
  /** Lines not written because of an error. */
  invalid: number;
  /** Warnings of written lines (too-long, vague-instruction...); `validate` lists them. */
  warnings: number;
  format?: Format;
}

/** Called for each error that drops a line. */
export type MergeReport = (file: string, problem: Problem) => void;

/** The arguments as files: a folder stands for the *.jsonl files under it, sorted. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new UsageError("merge: name at least one JSONL file or folder");
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw cannotRead(path, error);
    });
    if (!info.isDirectory()) files.push(path);
    else files.push(...(await jsonlFilesUnder(path)));
  }
  if (files.length === 0) throw new UsageError(`merge: no .jsonl file in ${paths.join(", ")}`);
  return files;
}

export async function mergeShards(files: readonly string[], out: LineSink, report: MergeReport): Promise<MergeSummary> {
  const summary: MergeSummary = { files: files.length, read: 0, written: 0, duplicateIds: 0, duplicateContent: 0, invalid: 0, warnings: 0 };
  // `duplicate` is merge's own business (across files); the rest is the validator's.
  const options = lineCheckOptions(
    { ignore: ["duplicate"], maxTokens: DEFAULT_MAX_TOKENS, tokenizer: "approx", redactor: {}, jobs: 0, wantTokens: false },
    approximateTokens,
  );
  const ids = new Set<string>();
  const contents = new Set<string>();
  for (const file of files) {
    const handle = await openDataset(file);
    try {
      for await (const block of await datasetBlocks(file, handle)) {
        const texts = blockLines(block);
        for (const result of checkBlock(block, options)) {
          summary.read++;
          const errors = result.problems.filter((p) => p.severity === "error");
          summary.format ??= errors.length === 0 ? result.format : undefined;
          if (errors.length === 0 && result.format !== summary.format) {
            errors.push(problem("inconsistent-fields", `${article(result.format)} record among ${summary.format} records: merge shards of one format`, { line: result.line }));
          }
          if (errors.length > 0) {
            summary.invalid++;
            // A message may quote a role or a key: what a credential there leaves as is its kind.
            for (const p of errors) report(file, redactProblem(p, options.redactor));
            continue;
          }
          const text = texts.get(result.line) as string;
          const record = JSON.parse(text) as Record<string, unknown>;
          const id = metaId(record);
          if (id !== undefined && ids.has(id)) {
            summary.duplicateIds++;
            continue;
          }
          const key = exactKey(textsOf(record, summary.format as Format));
          if (contents.has(key)) {
            summary.duplicateContent++;
            continue;
          }
          if (id !== undefined) ids.add(id);
          contents.add(key);
          summary.warnings += result.problems.length;
          await out.write(`${text}\n`);
          if (out.closed) return summary; // stdout's reader went away (`| head`)
          summary.written++;
        }
      }
    } finally {
      await handle.close();
    }
  }
  return summary;
}

/** The block's lines by number, split as checkBlock splits them (BOM and CR dropped). */
function blockLines(block: LineBlock): Map<number, string> {
  const lines = new Map<number, string>();
  const { bytes } = block;
  let start = block.byteOffset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = block.firstLine; start < bytes.length; line++) {
    const nl = bytes.indexOf(10, start);
    let end = nl < 0 ? bytes.length : nl;
    if (end > start && bytes[end - 1] === 13) end--;
    lines.set(line, bytes.toString("utf8", start, end));
    start = nl < 0 ? bytes.length : nl + 1;
  }
  return lines;
}

function metaId(record: Record<string, unknown>): string | undefined {
  const meta = record.meta;
  if (!meta || typeof meta !== "object") return undefined;
  const id = (meta as Record<string, unknown>).id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

const article = (word: string | undefined) => `${/^[aeiou]/.test(word ?? "") ? "an" : "a"} ${word}`;

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The triple's texts in any format; chat turns: the user's are the instruction, the assistant's the output. */
function textsOf(record: Record<string, unknown>, format: Format): { instruction: string; input: string; output: string } {
  if (format === "alpaca") return { instruction: str(record.instruction), input: str(record.input), output: str(record.output) };
  const turns = (format === "openai" ? record.messages : record.conversations) as Record<string, unknown>[];
  const prompt: string[] = [];
  const reply: string[] = [];
  for (const turn of turns) (["assistant", "gpt"].includes(str(turn.role ?? turn.from)) ? reply : prompt).push(str(turn.content ?? turn.value));
  return { instruction: prompt.join("\n\n"), input: "", output: reply.join("\n\n") };
}

export function describeMerge(summary: MergeSummary, out: string): string {
  const dropped = [
    summary.duplicateIds > 0 ? `${summary.duplicateIds} with a meta.id seen before` : "",
    summary.duplicateContent > 0 ? `${summary.duplicateContent} with the same content as an earlier record` : "",
    summary.invalid > 0 ? `${summary.invalid} invalid` : "",
  ].filter(Boolean);
  const where = out === "-" ? "stdout" : out;
  return (
    `gh-harvest: merged ${summary.files} file${summary.files === 1 ? "" : "s"}: wrote ${summary.written} of ${summary.read} records to ${where}` +
    (dropped.length > 0 ? `; dropped ${dropped.join(", ")}` : "")
  );
}

export interface MergeIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runMerge(paths: readonly string[], options: { out: string }, io: MergeIO, report?: MergeReport): Promise<{ code: number; summary: MergeSummary }> {
  const files = await expandInputs(paths);
  const out = options.out === "-" ? stdoutSink(io.stdout) : await openAtomicFile(options.out);
  let summary: MergeSummary;
  try {
    summary = await mergeShards(files, out, report ?? ((file, p) => io.stderr.write(`${file}:${p.line ?? 0}: ${p.severity} ${p.code}: ${p.message}\n`)));
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
  io.stderr.write(`${describeMerge(summary, options.out)}\n`);
  return { code: summary.invalid > 0 ? 1 : 0, summary };
}
