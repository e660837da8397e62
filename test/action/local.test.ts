import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { copyAction, runAction, workflowCommands, type ActionCopy } from "./harness.js";

let copy: ActionCopy;
let repo: TempRepo;
const token = ["ghp", "_", "ActionTestTokenNeverPrinted0123456789"].join("");

before(async () => {
  copy = await copyAction();
  repo = await createTempRepo({ name: "widgets" });
  await repo.write("src/add.py", "def add(a, b):\n    return a - b\n");
  await repo.commit("Add an add function to the widgets package");
  await repo.write("src/add.py", "def add(a, b):\n    return a + b\n");
  await repo.commit("Fix the sign of add so that sums are right");
  await repo.write("notes.txt", "x\n");
  await repo.commit("wip");
});

after(async () => {
  await copy.cleanup();
  await repo.cleanup();
});

const records = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("the action, command local", () => {
  it("harvests the workspace's clone into dataset.jsonl, with outputs and a job summary", async () => {
    const run = await runAction(copy, { command: "local", output: "dataset.jsonl", token }, {}, { workspace: repo.dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const written = records(join(repo.dir, "dataset.jsonl"));
    assert.deepEqual(written.map((r) => r.output), ["Add an add function to the widgets package", "Fix the sign of add so that sums are right"]);
    assert.deepEqual(written.map((r) => r.meta.mapping), ["commit-message", "commit-message"], "the built-in rules were found at the action's root");
    assert.deepEqual(run.outputs, { records: "2", rejected: "0", file: "dataset.jsonl" });
    assert.match(run.summary, /^### gh-harvest local \.$/m);
    assert.match(run.summary, /\*\*2 records\*\* written to `dataset\.jsonl` from 3 items; 0 rejected by validation, 1 skipped\./);
    assert.match(run.summary, /^\| commit-message \| 2 \|$/m);
    assert.match(run.summary, /^\| skipped, because \| items \|$/m);
    assert.match(run.summary, /^\| commit-message: subject is trivial \| 1 \|$/m);
  });

  it("vendored in a project that has its own package.json and mappings/, still uses its own built-in rules", async () => {
    const project = await createTempRepo({ name: "project" });
    try {
      await project.write("package.json", JSON.stringify({ name: "my-app", version: "3.0.0" }));
      await project.write("mappings/mine.yaml", "name: my-commits\nsource: commit\ndescription: x\ninstruction: x\ninput: '{{diff}}'\noutput: '{{subject}}'\n");
      await project.write("src/app.py", "print('hello, world')\n");
      await project.commit("Add the app that greets the whole world politely");
      const vendored = await copyAction({ into: join(project.dir, ".github", "actions", "gh-harvest") });
      const run = await runAction(vendored, { command: "local", output: "out.jsonl" }, {}, { workspace: project.dir });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(records(join(project.dir, "out.jsonl")).map((r) => r.meta.mapping), ["commit-message"]);
    } finally {
      await project.cleanup();
    }
  });

  it("names an output path it cannot make in one line, exit 2", async () => {
    const run = await runAction(copy, { command: "local", output: "notes.txt/out.jsonl" }, {}, { workspace: repo.dir });
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /^::error title=gh-harvest::notes\.txt\/out\.jsonl: cannot make its folder \(a file is in the way\)$/m);
  });

  it("writes the records that failed validation to the rejects input's file, with their reasons", async () => {
    const project = await createTempRepo({ name: "stubs" });
    try {
      await project.write("src/parser.py", "def parse(text):\n    raise NotImplementedError\n");
      await project.commit("TODO: implement this");
      const run = await runAction(copy, { command: "local", output: "out.jsonl", rejects: ".harvest/rejected.jsonl" }, {}, { workspace: project.dir });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /::warning title=gh-harvest::1 record failed validation and was not written \(the rejects input keeps them/);
      const [rejected] = records(join(project.dir, ".harvest/rejected.jsonl"));
      assert.deepEqual(rejected.reasons.map((r: { code: string }) => r.code), ["placeholder"]);
    } finally {
      await project.cleanup();
    }
  });

  it("takes the harvesting flags as inputs: limit, exclude, max-diff-lines, on-secret, include-bots", async () => {
    const limited = await runAction(copy, { command: "local", output: "limited.jsonl", limit: "1" }, {}, { workspace: repo.dir });
    assert.equal(limited.code, 0, limited.stdout + limited.stderr);
    assert.equal(records(join(repo.dir, "limited.jsonl")).length, 1);
    assert.match(limited.summary, /\(the limit was reached\)/);
    // Every commit touches src/add.py or notes.txt: excluding src/** leaves no diff for the first two.
    const excluded = await runAction(copy, { command: "local", output: "excluded.jsonl", exclude: "src/**", "max-diff-lines": "50" }, {}, { workspace: repo.dir });
    assert.equal(excluded.code, 0, excluded.stdout + excluded.stderr);
    assert.equal(excluded.outputs.records, "0");
    const bad = await runAction(copy, { command: "local", output: "bad.jsonl", "on-secret": "keep" }, {}, { workspace: repo.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /^::error title=gh-harvest::input on-secret: expected one of redact, drop, fail, got "keep"$/m);
    const badLimit = await runAction(copy, { command: "local", output: "bad.jsonl", limit: "0" }, {}, { workspace: repo.dir });
    assert.equal(badLimit.code, 2);
    assert.match(badLimit.stdout, /input limit: .*at least 1/);
    const badBots = await runAction(copy, { command: "local", output: "bad.jsonl", "include-bots": "maybe" }, {}, { workspace: repo.dir });
    assert.equal(badBots.code, 2);
    assert.match(badBots.stdout, /input include-bots: expected true or false, got "maybe"/);
  });

  it("masks the token first and never prints it otherwise", async () => {
    const run = await runAction(copy, { command: "local", output: "masked.jsonl", token }, {}, { workspace: repo.dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout.split("\n")[0], `::add-mask::${token}`);
    const elsewhere = (run.stdout.split("\n").slice(1).join("\n") + run.stderr + run.summary + run.outputFile).includes(token);
    assert.equal(elsewhere, false);
  });

  it("with state and append, adds only the new commits on the next run", async () => {
    const inputs = { command: "local", target: repo.dir, output: ".harvest/data.jsonl", state: ".harvest/state.json", append: "true" };
    const first = await runAction(copy, inputs, {}, { workspace: repo.dir });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(first.outputs.records, "2");
    await repo.write("src/sub.py", "def sub(a, b):\n    return a - b\n");
    await repo.commit("Add a sub function for differences of widgets");
    const second = await runAction(copy, inputs, {}, { workspace: repo.dir });
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.equal(second.outputs.records, "1", "only the new commit");
    assert.deepEqual(records(join(repo.dir, ".harvest/data.jsonl")).map((r) => r.output).at(-1), "Add a sub function for differences of widgets");
    assert.equal(records(join(repo.dir, ".harvest/data.jsonl")).length, 3);
  });

  it("fails with an annotation, exit 2 and no outputs on a bad input", async () => {
    const run = await runAction(copy, { command: "local", format: "yaml" }, {}, { workspace: repo.dir });
    assert.equal(run.code, 2);
    const errors = workflowCommands(run.stdout).filter((c) => c.name === "error");
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^input format: expected one of alpaca, openai, sharegpt, got "yaml"$/);
    assert.equal(run.outputFile, "");
    assert.match(run.summary, /:x: input format/);
  });

  it("fails with exit 1 when the target is not a git repository", async () => {
    const run = await runAction(copy, { command: "local", target: copy.dir }, {}, { workspace: repo.dir });
    assert.notEqual(run.code, 0);
    assert.match(run.stdout, /^::error title=gh-harvest::.*not a git repository/m);
  });
});
