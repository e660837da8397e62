import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyAction, runAction, workflowCommands, type ActionCopy } from "./harness.js";

let copy: ActionCopy;
const record = (id: string, output: string) =>
  JSON.stringify({ instruction: "Write a concise commit message for the following change.", input: "", output, meta: { id, source: "commit", repo: "acme/a", mapping: "commit-message" } });

before(async () => {
  copy = await copyAction();
  // As actions/download-artifact lays out shards: one folder per artifact.
  for (const [name, lines] of Object.entries({
    "shard-0": [record("a1", "Set x to two so that the totals add up"), record("a2", "Rename the helper so that its name says what it does")],
    "shard-1": [record("a1", "Set x to two so that the totals add up"), '{"instruction": "x",}'],
  })) {
    await mkdir(join(copy.workspace, "shards", name), { recursive: true });
    await writeFile(join(copy.workspace, "shards", name, "dataset.jsonl"), lines.map((l) => `${l}\n`).join(""));
  }
  await mkdir(join(copy.workspace, ".harvest"));
});
after(() => copy.cleanup());

describe("the action, command merge", () => {
  it("merges the downloaded shards, annotates invalid lines, and fails so that they are noticed", async () => {
    const run = await runAction(copy, { command: "merge", target: ".harvest\nshards", output: ".harvest/all.jsonl" });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const ids = (await readFile(join(copy.workspace, ".harvest/all.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l).meta.id);
    assert.deepEqual(ids, ["a1", "a2"]);
    const onFile = workflowCommands(run.stdout).filter((c) => c.properties.file);
    assert.ok(onFile.length > 0 && onFile.every((c) => c.name === "error" && c.properties.file === "shards/shard-1/dataset.jsonl" && c.properties.line === "2"));
    assert.deepEqual(run.outputs, { records: "2", rejected: "1", file: ".harvest/all.jsonl" });
    assert.match(run.summary, /\*\*2 records\*\* written to `\.harvest\/all\.jsonl` from 4 records in 2 files\./);
    assert.match(run.summary, /^\| same meta\.id as an earlier record \| 1 \|$/m);
  });
});
