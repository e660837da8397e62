import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnnotator, errorAnnotation, workspacePath } from "../../src/action/annotations.js";
import { getBoolean, getDate, getInput, getList, inputEnvName } from "../../src/action/inputs.js";
import { cell, table } from "../../src/action/summary.js";
import { annotation, escapeData, escapeProperty, fileCommands, outputLines } from "../../src/action/workflow-commands.js";
import { problem } from "../../src/validate/problem.js";
import { parseOutputFile, workflowCommands } from "./harness.js";

describe("workflow commands", () => {
  it("escapes %, CR and LF in data, and also : and , in properties", () => {
    assert.equal(escapeData("100% done\r\nnext"), "100%25 done%0D%0Anext");
    assert.equal(escapeProperty("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    const line = annotation("error", "line one\nline two: 50%", { file: "data/x,y:z.jsonl", line: 3, col: 7, title: "gh-harvest secret" });
    assert.equal(line, "::error file=data/x%2Cy%3Az.jsonl,line=3,col=7,title=gh-harvest secret::line one%0Aline two: 50%25\n");
    const [parsed] = workflowCommands(line);
    assert.deepEqual(parsed, {
      name: "error",
      properties: { file: "data/x,y:z.jsonl", line: "3", col: "7", title: "gh-harvest secret" },
      message: "line one\nline two: 50%",
    });
  });

  it("writes one-line outputs as name=value and multi-line ones with a heredoc delimiter", async () => {
    assert.equal(outputLines("records", "12"), "records=12\n");
    const multi = outputLines("file", "a.jsonl\nb.jsonl");
    assert.match(multi, /^file<<(ghadelimiter_[0-9a-f-]{36})\na\.jsonl\nb\.jsonl\n\1\n$/);
    const dir = await mkdtemp(join(tmpdir(), "gh-harvest-commands-"));
    try {
      const output = join(dir, "output");
      const commands = fileCommands({ GITHUB_OUTPUT: output });
      assert.equal(await commands.setOutputs({ records: "3", file: "x\ny", matrix: '{"include":[{"repo":"a/b"}]}' }), true);
      assert.equal(await commands.appendSummary("# hi"), false, "no GITHUB_STEP_SUMMARY: nothing written");
      assert.deepEqual(parseOutputFile(await readFile(output, "utf8")), { records: "3", file: "x\ny", matrix: '{"include":[{"repo":"a/b"}]}' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("action inputs", () => {
  it("reads INPUT_ variables the way the runner names them, with defaults for empty ones", () => {
    assert.equal(inputEnvName("api-url"), "INPUT_API-URL");
    assert.equal(inputEnvName("max jobs"), "INPUT_MAX_JOBS");
    const env = { "INPUT_API-URL": " http://x ", INPUT_OUTPUT: "", INPUT_MAPPINGS: "pr-description\n rules/mine.yaml , issue-fix", INPUT_TARGET: "a/b c/d,e/f" };
    assert.equal(getInput(env, "api-url"), "http://x");
    assert.equal(getInput(env, "output"), "dataset.jsonl");
    assert.deepEqual(getList(env, "mappings", "commas"), ["pr-description", "rules/mine.yaml", "issue-fix"]);
    assert.deepEqual(getList(env, "target", "words"), ["a/b", "c/d", "e/f"]);
    assert.deepEqual(getList({ INPUT_TARGET: "data/a,b.jsonl\r\n data/c.jsonl\n" }, "target", "lines"), ["data/a,b.jsonl", "data/c.jsonl"]);
  });

  it("rejects what is not a boolean or a date, naming the input", () => {
    assert.equal(getBoolean({ INPUT_APPEND: "True" }, "append"), true);
    assert.throws(() => getBoolean({ INPUT_APPEND: "yes" }, "append"), /input append: expected true or false, got "yes"/);
    assert.equal(getDate({ INPUT_SINCE: "2026-02-01" }, "since")?.toISOString(), "2026-02-01T00:00:00.000Z");
    assert.throws(() => getDate({ INPUT_SINCE: "last week" }, "since"), /input since: expected an ISO date/);
  });
});

describe("annotations", () => {
  it("names files relative to the workspace and stops annotating past the cap", () => {
    assert.equal(workspacePath("/ws/data/x.jsonl", "/ws"), "data/x.jsonl");
    assert.equal(workspacePath("data/x.jsonl", "/ws", "/ws"), "data/x.jsonl");
    assert.equal(workspacePath("/elsewhere/x.jsonl", "/ws"), "/elsewhere/x.jsonl");
    const annotator = createAnnotator("/ws", 2);
    const lines = [1, 2, 3].map((line) => annotator.line("/ws/d.jsonl", problem("placeholder", "a placeholder", { line, column: 4 })));
    lines.push(annotator.line("/ws/d.jsonl", problem("vague-instruction", "vague", { line: 9 })));
    assert.equal(lines[0], "::error file=d.jsonl,line=1,col=4,title=gh-harvest placeholder::a placeholder\n");
    assert.equal(lines[2], "/ws/d.jsonl:3: error placeholder: a placeholder\n", "the third error is a plain line");
    assert.match(lines[3] as string, /^::warning file=d\.jsonl,line=9,/, "warnings have their own cap");
    assert.equal(annotator.overflow, 1);
  });

  it("puts a rule file's error on its line", () => {
    assert.equal(
      errorAnnotation("mappings/mine.yaml:7: when.body.minWords: expected a number", "/ws"),
      "::error file=mappings/mine.yaml,line=7,title=gh-harvest::when.body.minWords: expected a number\n",
    );
    assert.equal(errorAnnotation("input format: expected one of alpaca, openai, sharegpt", "/ws"), "::error title=gh-harvest::input format: expected one of alpaca, openai, sharegpt\n");
  });
});

describe("job summary tables", () => {
  it("escapes pipes and line breaks in cells and sorts rows by count", () => {
    assert.equal(cell("a|b\nc"), "a\\|b c");
    assert.equal(table(["rule", "records"], { b: 1, a: 1, c: 5 }), "| rule | records |\n| :-- | --: |\n| c | 5 |\n| a | 1 |\n| b | 1 |\n");
    assert.equal(table(["rule", "records"], {}), "");
  });
});
