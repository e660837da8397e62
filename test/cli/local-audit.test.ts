// What an audit of `local` on real repositories found: one-line files that a line count
// lets through, trailers and CRLF in messages, diffs that a repository's own git config
// changes, empty repositories, machine-written commits. Each through the CLI, on real
// temporary repositories.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/cli.js";

let out: string;
before(() => {
  out = mkdtempSync(join(tmpdir(), "cli-audit-"));
});
after(() => rmSync(out, { recursive: true, force: true }));

const records = (text: string) => text.split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("gh-harvest local --max-diff-bytes", () => {
  let repo: TempRepo;
  before(async () => {
    repo = await createTempRepo({ name: "icons" });
    // One line of 150 KB: one line for --max-diff-lines.
    await repo.write("icon.svg", `<svg>${"<path d='M0 0L1 1'/>".repeat(7500)}</svg>\n`);
    await repo.commit("Add the logo as a single line of SVG paths");
    await repo.write("src/a.txt", "small change\n");
    await repo.commit("Add a small text file next to the logo");
  });
  after(() => repo.cleanup());

  it("skips a diff of one long line by default, counted as too large", async () => {
    const result = await runCli(["local", repo.dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(records(result.stdout).map((r) => r.output), ["Add a small text file next to the logo"]);
    assert.match(result.stderr, /diff too large 1/);
  });

  it("keeps it when --max-diff-bytes allows it", async () => {
    const result = await runCli(["local", repo.dir, "--max-diff-bytes", "200000"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(records(result.stdout).length, 2);
  });

  it("refuses a --max-diff-bytes that is not a positive whole number", async () => {
    const result = await runCli(["local", repo.dir, "--max-diff-bytes", "lots"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--max-diff-bytes/);
  });
});
