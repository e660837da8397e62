// Reads JSONL files of any of the three formats one line at a time, as a flat view
// (instruction, input, output, meta) that stats and card share. Never loads a file whole.
import { access, constants, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { UsageError } from "../errors.js";
import { cannotRead, datasetStream, readErrorsNamed } from "../jsonl-files.js";
import { detectFormat, type Format } from "../formats.js";

export interface RecordView {
  instruction: string;
  input: string;
  output: string;
  /** meta as written; may be missing or partial in files made by other tools. */
  meta: Record<string, unknown>;
}

export type ReadLine =
  | { file: string; line: number; bytes: number; format: Format; record: RecordView }
  | { file: string; line: number; bytes: number; problem: string };

export async function assertReadable(file: string): Promise<void> {
  await access(file, constants.R_OK).catch((error: unknown) => {
    throw cannotRead(file, error);
  });
  if ((await stat(file)).isDirectory()) throw new UsageError(`${file}: is a folder; name a JSONL file`);
}

/** The records of a file, or with `stdin` those of standard input (named "-" on the command line). */
export async function* readRecords(file: string, stdin?: NodeJS.ReadableStream): AsyncGenerator<ReadLine> {
  if (!stdin) await assertReadable(file);
  // A compressed file (train.jsonl.gz) is read through gunzip.
  const input = stdin ?? (await datasetStream(file));
  input.setEncoding?.("utf8");
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  // A file that fails while read (EIO, a cut gzip) is named, as by validate and merge.
  for await (const text of stdin ? lines : readErrorsNamed(file, lines)) {
    line++;
    if (text.trim() === "") continue;
    const bytes = Buffer.byteLength(text);
    let value: unknown;
    try {
      value = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, "") : text);
    } catch {
      yield { file, line, bytes, problem: "not JSON" };
      continue;
    }
    const format = detectFormat(value);
    const record = format ? viewOf(value as Record<string, unknown>, format) : undefined;
    if (!format || !record) yield { file, line, bytes, problem: "not an alpaca, openai or sharegpt record" };
    else yield { file, line, bytes, format, record };
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Chat formats: user (and system) turns are the instruction, assistant turns the output. */
function viewOf(value: Record<string, unknown>, format: Format): RecordView | undefined {
  const meta = value.meta && typeof value.meta === "object" && !Array.isArray(value.meta) ? (value.meta as Record<string, unknown>) : {};
  if (format === "alpaca") return { instruction: str(value.instruction), input: str(value.input), output: str(value.output), meta };
  const turns = format === "openai" ? value.messages : value.conversations;
  if (!Array.isArray(turns)) return undefined;
  const prompt: string[] = [];
  const reply: string[] = [];
  for (const turn of turns as Record<string, unknown>[]) {
    const who = str(turn?.role ?? turn?.from);
    const text = str(turn?.content ?? turn?.value);
    (who === "assistant" || who === "gpt" ? reply : prompt).push(text);
  }
  return { instruction: prompt.join("\n\n"), input: "", output: reply.join("\n\n"), meta };
}
