// `command: validate` in the action: the validator of `gh-harvest validate`, with a
// reporter that prints annotations instead of plain lines, and counts the lines that hold
// an error (the `rejected` output). Checked in this thread: the bundle carries no worker
// script, and a runner's few cores gain little on the files a workflow checks.
import type { FileHandle } from "node:fs/promises";
import { once } from "node:events";
import { UsageError } from "../errors.js";
import type { Format } from "../formats.js";
import { jsonlFilesOfAll, openDataset } from "../jsonl-files.js";
import { fileLineBlocks } from "../validate/line-blocks.js";
import type { Reporter, RunSummary } from "../validate/report.js";
import { DEFAULT_MAX_TOKENS } from "../validate/triple.js";
import { validateInputs, type ValidateInput } from "../validate/validate-files.js";
import { createAnnotator } from "./annotations.js";

export interface ValidateStepResult {
  summary: RunSummary;
  /** Lines with at least one error: what a harvest would have rejected. */
  rejectedLines: number;
}

export async function validateStep(files: readonly string[], options: { format?: Format; workspace?: string }, out: NodeJS.WritableStream): Promise<ValidateStepResult> {
  if (files.length === 0) throw new UsageError("input target: name the JSONL files to validate");
  const handles: FileHandle[] = [];
  try {
    const inputs: ValidateInput[] = [];
    for (const file of await jsonlFilesOfAll(files)) {
      const handle = await openDataset(file);
      handles.push(handle);
      inputs.push({ name: file, blocks: fileLineBlocks(handle) });
    }
    const reporter = annotatingReporter(out, options.workspace);
    const summary = await validateInputs(inputs, {
      format: options.format,
      ignore: [],
      maxTokens: DEFAULT_MAX_TOKENS,
      tokenizer: "approx",
      redactor: {},
      jobs: 0,
      wantTokens: false,
    }, reporter);
    await reporter.end(summary);
    return { summary, rejectedLines: reporter.rejectedLines() };
  } finally {
    await Promise.all(handles.map((h) => h.close().catch(() => {})));
  }
}

function annotatingReporter(out: NodeJS.WritableStream, workspace: string | undefined): Reporter & { rejectedLines(): number } {
  const annotator = createAnnotator(workspace);
  const errorLines = new Set<string>();
  let text = "";
  const flush = async () => {
    if (text === "") return;
    const ok = out.write(text);
    text = "";
    if (!ok) await once(out, "drain");
  };
  return {
    closed: false,
    problem(file, p) {
      if (p.severity === "error") errorLines.add(`${file}\0${p.line ?? 0}`);
      text += annotator.line(file, p);
    },
    flush: () => (text.length > 1 << 16 ? flush() : Promise.resolve()),
    async end(summary) {
      const more = annotator.overflow > 0 ? ` (${annotator.overflow} past the first annotations are plain lines above)` : "";
      text += `${summary.errors} errors, ${summary.warnings} warnings in ${summary.records} records${more}\n`;
      await flush();
    },
    rejectedLines: () => errorLines.size,
  };
}
