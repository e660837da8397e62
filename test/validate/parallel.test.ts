import assert from "node:assert/strict";
import { open } from "node:fs/promises";
import { after, describe, it } from "node:test";
import { fileLineBlocks } from "../../src/validate/line-blocks.js";
import { jsonReporter } from "../../src/validate/report.js";
import { validateInputs, type EngineOptions } from "../../src/validate/validate-files.js";
import { workerPool } from "../../src/validate/worker-pool.js";
import { alpacaCases, tempDir } from "./dataset.js";
import { Capture } from "../helpers/streams.js";

const dir = tempDir();
after(() => dir.remove());


describe("validate in worker threads", () => {
  it("reports exactly what the main thread does, in the same order, across many blocks, a skipped line too", async () => {
    // Three rounds of every broken line: later rounds are duplicates of the first.
    const round = alpacaCases().map((c) => c.text).join("\n");
    // And a line too long to be a record (the limit set low here): skipped, and reported.
    const text = `${round}\n${round}\n[${"1,".repeat(50000)}1]\n${round}\n`;
    const file = dir.write("many.jsonl", text);
    const run = async (jobs: number) => {
      const handle = await open(file);
      const out = new Capture();
      try {
        const options: EngineOptions = { ignore: [], maxTokens: 4096, tokenizer: "approx", redactor: {}, jobs, wantTokens: true, parallelMinBytes: 0 };
        const input = { name: "many.jsonl", blocks: fileLineBlocks(handle, 2048, 65536), size: text.length };
        const reporter = jsonReporter(out);
        await reporter.end(await validateInputs([input], options, reporter, workerPool));
      } finally {
        await handle.close();
      }
      return JSON.parse(out.text) as { problems: { line: number; code: string }[]; records: number };
    };
    const local = await run(0);
    const threads = await run(2);
    assert.deepEqual(threads, local);
    assert.ok(local.problems.filter((p) => p.code === "duplicate").length > 40);
    const overlong = round.split("\n").length * 2 + 1;
    assert.deepEqual(local.problems.filter((p) => p.code === "line-too-long").map((p) => p.line), [overlong]);
    const lines = local.problems.map((p) => p.line);
    const firstDeferred = local.problems.findIndex((p) => p.code === "inconsistent-fields");
    assert.deepEqual(lines.slice(0, firstDeferred), [...lines.slice(0, firstDeferred)].sort((a, b) => a - b), "in line order");
  });
});
