import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyAction, runAction, workflowCommands, type ActionCopy } from "./harness.js";

let copy: ActionCopy;

const line = (o: Record<string, string>) => JSON.stringify(o);
const GOOD = line({ instruction: "Write a concise commit message for the following change.", input: "", output: "Set x to two so that the totals add up" });
const BAD = [
  // Not GOOD itself: with good.jsonl in the same run, that would be a duplicate of its line 1.
  line({ instruction: "Write a concise commit message for the following change.", input: "", output: "Set y to three so that the counts add up" }),
  '{"instruction": "Write a concise commit message for the following change.", "input": "", "output": "Fix the parser so it reads empty lines",}',
  line({ instruction: "Explain what this function does in the code base.", input: "", output: "TODO: implement" }),
  line({ instruction: "Fix it.", input: "", output: "It reads the file and returns the number of lines in it." }),
].join("\n");

before(async () => {
  copy = await copyAction();
  await mkdir(join(copy.workspace, "data"));
  // A comma and a colon in the name: both end a property unless escaped.
  await writeFile(join(copy.workspace, "data/bad,set:1.jsonl"), `${BAD}\n`);
  await writeFile(join(copy.workspace, "data/good.jsonl"), `${GOOD}\n`);
});
after(() => copy.cleanup());

describe("the action, command validate", () => {
  it("annotates 9 problems of a level, so that GitHub (10 a step) still shows the run's summary annotation", async () => {
    await writeFile(join(copy.workspace, "many.jsonl"), `${Array.from({ length: 30 }, () => "{bad").join("\n")}\n`);
    const run = await runAction(copy, { command: "validate", target: "many.jsonl" });
    assert.equal(run.code, 1);
    const errors = workflowCommands(run.stdout).filter((c) => c.name === "error");
    assert.equal(errors.length, 10);
    assert.equal(errors.filter((c) => c.properties.file === "many.jsonl").length, 9);
    assert.match(errors.at(-1)!.message, /30 validation errors on 30 lines/);
    assert.match(run.stdout, /^many\.jsonl:30: error invalid-json: /m, "the rest in the log as plain lines");
  });

  it("annotates each problem on its file and line, and fails on errors", async () => {
    const run = await runAction(copy, { command: "validate", target: "data/good.jsonl\ndata/bad,set:1.jsonl" });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const commands = workflowCommands(run.stdout);
    const onFile = commands.filter((c) => c.properties.file !== undefined);
    assert.deepEqual(
      onFile.map((c) => [c.name, c.properties.file, c.properties.line, c.properties.title]),
      [
        ["error", "data/bad,set:1.jsonl", "2", "gh-harvest trailing-comma"],
        ["error", "data/bad,set:1.jsonl", "3", "gh-harvest placeholder"],
        ["warning", "data/bad,set:1.jsonl", "4", "gh-harvest vague-instruction"],
      ],
    );
    assert.match(run.stdout, /^::error file=data\/bad%2Cset%3A1\.jsonl,line=2,col=\d+,title=gh-harvest trailing-comma::trailing comma before \}/m);
    assert.ok(commands.some((c) => c.name === "error" && c.properties.file === undefined && /2 validation errors on 2 lines/.test(c.message)));
    assert.deepEqual(run.outputs, { records: "5", rejected: "2", file: "data/good.jsonl\ndata/bad,set:1.jsonl" });
    assert.match(run.outputFile, /^file<<ghadelimiter_/m, "a multi-line output uses the heredoc form");
    assert.match(run.summary, /5 records checked: \*\*2 errors\*\* on 2 lines, 1 warning\./);
    assert.match(run.summary, /^\| placeholder \| 1 \|$/m);
    assert.match(run.summary, /^\| data\/bad,set:1\.jsonl \(alpaca\) \| 4 \|$/m);
  });

  it("checks every .jsonl file under a folder given as the target", async () => {
    const run = await runAction(copy, { command: "validate", target: "data" });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const files = new Set(workflowCommands(run.stdout).flatMap((c) => (c.properties.file === undefined ? [] : [c.properties.file])));
    assert.deepEqual([...files], ["data/bad,set:1.jsonl"]);
    assert.equal(run.outputs.records, "5");
  });

  it("passes a clean file, checking the output input by default", async () => {
    const run = await runAction(copy, { command: "validate", output: "data/good.jsonl" });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(workflowCommands(run.stdout), []);
    assert.deepEqual(run.outputs, { records: "1", rejected: "0", file: "data/good.jsonl" });
  });

  it("says which file is missing, with exit 2", async () => {
    const run = await runAction(copy, { command: "validate", target: "data/missing.jsonl" });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^::error title=gh-harvest::cannot read data\/missing\.jsonl: no such file$/m);
  });
});
