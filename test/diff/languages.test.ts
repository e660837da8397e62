import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createDiffFilter } from "../../src/diff/filter.js";
import { diffFromText } from "../../src/github/diff-text.js";
import { runCli } from "../helpers/cli.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

// meta.languages of files that no extension names: reStructuredText, build files known by
// their names, and scripts known by the interpreter of their `#!` line.

const script = (shebang: string, body: string[]) => `${[shebang, ...body].join("\n")}\n`;
const deploy = (target: string) => script("#!/usr/bin/env bash", ["set -eu", ...Array.from({ length: 20 }, (_, i) => `step ${i}`), `rsync -a build/ ${target}`]);

const COMMITS: [message: string, files: Record<string, string>, languages: string[]][] = [
  ["Document how to build the widgets from source", { "docs/build.rst": "Building\n========\n\nRun ``make``.\n" }, ["restructuredtext"]],
  ["Add the configure script that autoconf generated", { configure: script("#! /bin/sh", ["echo checking for cc"]) }, ["shell"]],
  ["Add the deploy script for the staging hosts", { "bin/deploy": deploy("staging:/srv") }, ["shell"]],
  ["Add the lint tool that checks the docs", { "tools/lint": script("#!/usr/bin/env -S python3.12 -u", ["print('ok')"]) }, ["python"]],
  ["Add the build pipeline and the release tasks", { Jenkinsfile: "pipeline { agent any }\n", Rakefile: "task :release\n", "Dockerfile.dev": "FROM node:20\n" }, ["dockerfile", "groovy", "ruby"]],
  // The `#!` line is far above the hunk: the script's language is not seen.
  ["Deploy to the production hosts from now on", { "bin/deploy": deploy("prod:/srv") }, []],
];

describe("meta.languages of files without a known extension", () => {
  let repo: TempRepo;
  const shas: string[] = [];
  before(async () => {
    repo = await createTempRepo({ name: "widgets" });
    for (const [message, files] of COMMITS) {
      await repo.writeFiles(files);
      shas.push(await repo.commit(message));
    }
  });
  after(() => repo.cleanup());

  const written = async (...args: string[]) => {
    const result = await runCli(["local", repo.dir, ...args]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { output: string; meta: { languages: string[] } });
  };

  it("knows reStructuredText, build files by their names, and scripts by their #! line", async () => {
    const records = await written();
    assert.deepEqual(records.map((r) => [r.output, r.meta.languages]), COMMITS.map(([message, , languages]) => [message, languages]));
  });

  it("reads the #! line in a diff from GitHub too", async () => {
    const diff = diffFromText(await repo.gitBytes(["show", "--format=", shas[3]!]), { filter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000 });
    assert.deepEqual(diff.files.map((f) => [f.path, f.shebang]), [["tools/lint", "#!/usr/bin/env -S python3.12 -u"]]);
  });

  it("selects them with --languages, by name or by extension", async () => {
    assert.deepEqual((await written("--languages", "shell")).map((r) => r.output), [COMMITS[1]![0], COMMITS[2]![0]]);
    assert.deepEqual((await written("--languages", "rst")).map((r) => r.output), [COMMITS[0]![0]]);
  });
});
