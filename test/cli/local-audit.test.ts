// What an audit of `local` on real repositories found: one-line files that a line count
// lets through, trailers and CRLF in messages, diffs that a repository's own git config
// changes, empty repositories, machine-written commits. Each through the CLI, on real
// temporary repositories.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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

  // By default the logo is left out as minified; an --include of it leaves it to the byte limit.
  const withLogo = ["--include", "*.svg", "--include", "*.txt"];

  it("leaves a file of one long line out by default, as minified", async () => {
    const result = await runCli(["local", repo.dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(records(result.stdout).map((r) => r.output), ["Add a small text file next to the logo"]);
    assert.match(result.stderr, /only filtered, binary or non-UTF-8 files 1/);
  });

  it("skips a diff of one long line past the byte limit, counted as too large", async () => {
    const result = await runCli(["local", repo.dir, ...withLogo]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(records(result.stdout).map((r) => r.output), ["Add a small text file next to the logo"]);
    assert.match(result.stderr, /diff too large 1/);
  });

  it("keeps it when --max-diff-bytes allows it", async () => {
    const result = await runCli(["local", repo.dir, ...withLogo, "--max-diff-bytes", "200000"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(records(result.stdout).length, 2);
  });

  it("refuses a --max-diff-bytes that is not a positive whole number", async () => {
    const result = await runCli(["local", repo.dir, "--max-diff-bytes", "lots"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--max-diff-bytes/);
  });
});

describe("gh-harvest local: the author's words only", () => {
  let repo: TempRepo;
  // Verbatim, as GitHub and other tools store them: `git commit` would clean the message up
  // (CRs at line ends, a message of sign-offs only).
  const commitVerbatim = async (message: string) => {
    await repo.git(["add", "-A"]);
    await repo.git(["commit", "-q", "--no-verify", "--cleanup=verbatim", "--allow-empty-message", "-F", "-"], { input: message });
  };
  before(async () => {
    repo = await createTempRepo({ name: "words" });
    await repo.write("a.txt", "one\n");
    await commitVerbatim(
      "Teach the parser to read quoted paths\n\nGit quotes a path with a tab in it.\n\nFixes #12\n" +
        "Signed-off-by: Ada Lovelace <ada@example.com>\nCo-authored-by: Grace Hopper <grace@example.com>\n\n" +
        "(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n",
    );
    await repo.write("b.txt", "two\n");
    await commitVerbatim("Signed-off-by: Ada Lovelace <ada@example.com>\n");
    await repo.write("c.txt", "three\n");
    // As a squash merge made in the browser stores it.
    await commitVerbatim("Keep the tabs of quoted paths (#13)\r\n\r\n* Read the escapes\r\n* Write them back\r\n");
  });
  after(() => repo.cleanup());

  it("leaves out trailers and skips a message made only of them", async () => {
    const result = await runCli(["local", repo.dir]);
    assert.equal(result.code, 0, result.stderr);
    const outputs = records(result.stdout).map((r) => r.output);
    assert.equal(outputs[0], "Teach the parser to read quoted paths\n\nGit quotes a path with a tab in it.");
    assert.equal(outputs.length, 2, result.stderr);
    assert.match(result.stderr, /commit-message: no subject 1/);
  });

  it("writes messages with LF line ends only", async () => {
    const result = await runCli(["local", repo.dir]);
    const outputs = records(result.stdout).map((r) => r.output);
    assert.equal(outputs[1], "Keep the tabs of quoted paths\n\n* Read the escapes\n* Write them back");
  });
});

describe("gh-harvest local: what tools and GitHub wrote into messages (audit of click, cobra, zlib, awesome)", () => {
  let repo: TempRepo;
  let n = 0;
  const change = async (message: string) => {
    await repo.write(`file${++n}.txt`, `change ${n}\n`);
    await repo.git(["add", "-A"]);
    await repo.git(["commit", "-q", "--no-verify", "--cleanup=verbatim", "-F", "-"], { input: message });
    return repo.revParse("HEAD");
  };
  let byMessage: Map<string, string>;
  let stderr: string;
  before(async () => {
    repo = await createTempRepo({ name: "audited" });
    const ci = await change("Add python 3.9 to CI.\n\nThe matrix now tests 3.6 to 3.9.");
    await change(
      "Add documentation for repeated flags\n\nResolves #2298\n\n- Added a section to the user guide\n\n" +
        "🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n",
    );
    await change("Set up the pre-commit lite workflow\n\nCommitted via https://github.com/asottile/all-repos\n");
    await change("Set up CI with Azure Pipelines\n\n[skip ci]\n");
    await change("feat: make InitDefaultCompletionCmd public (#1859)\n\n* feat: make InitDefaultCompletionCmd public\n\n* PR comments\n\n* Update man_docs_test.go\n\nSigned-off-by: Ada <ada@example.com>\n\n* Update README.md\n");
    await change(
      "Neutralize zip file traversal attacks in miniunz.\n\nThis patch neutralizes absolute paths.\n\n" +
        "Link: https://bugs.debian.org/774321\nLink: https://nvd.nist.gov/vuln/detail/CVE-2014-9485\nReported-by: Jakub Wilk <jwilk@debian.org>\nFixed-by: Michael Gilbert <mgilbert@debian.org>\n",
    );
    await change("Update the development dependencies\n\nRefs: 653459007a15e4d75187acc5a1e1a08cbd787814\n");
    await change("Close #221 PR: add ruby events (conferences, meetups, etc.).\n");
    await change(`Revert "Add python 3.9 to CI."\n\nThis reverts commit ${ci}.\n\nThe runners do not have 3.9 yet.\n`);
    await change('Revert "Set up CI with Azure Pipelines"\n');
    for (const bump of ["This is 0.2", "release version 8.1.0", "start version 8.1.4", "Bump version to 8.2.0.dev", "Change version number on develop branch to 1.3.1.1."]) await change(`${bump}\n`);
    const result = await runCli(["local", repo.dir]);
    assert.equal(result.code, 0, result.stderr);
    stderr = result.stderr;
    byMessage = new Map(records(result.stdout).map((r) => [r.output.split("\n")[0], r.output]));
  });
  after(() => repo.cleanup());

  it("leaves out assistants' footers, all-repos' signature and [skip ci]", () => {
    assert.equal(byMessage.get("Add documentation for repeated flags"), "Add documentation for repeated flags\n\n- Added a section to the user guide");
    assert.equal(byMessage.get("Set up the pre-commit lite workflow"), "Set up the pre-commit lite workflow");
    assert.equal(byMessage.get("Set up CI with Azure Pipelines"), "Set up CI with Azure Pipelines");
  });

  it("leaves out a squash merge's bullets that say nothing, and the sign-offs among them", () => {
    assert.equal(byMessage.get("feat: make InitDefaultCompletionCmd public"), "feat: make InitDefaultCompletionCmd public");
  });

  it("leaves out the whole trailer block, links and commit ids included", () => {
    assert.equal(byMessage.get("Neutralize zip file traversal attacks in miniunz."), "Neutralize zip file traversal attacks in miniunz.\n\nThis patch neutralizes absolute paths.");
    assert.equal(byMessage.get("Update the development dependencies"), "Update the development dependencies");
  });

  it("leaves out references the diff does not tell, and git's line of a revert with a reason", () => {
    assert.equal(byMessage.get("add ruby events (conferences, meetups, etc.)."), "add ruby events (conferences, meetups, etc.).");
    assert.equal(byMessage.get('Revert "Add python 3.9 to CI."'), 'Revert "Add python 3.9 to CI."\n\nThe runners do not have 3.9 yet.');
  });

  it("skips version bumps and a bare revert as trivial messages", () => {
    assert.equal(byMessage.size, 9, [...byMessage.keys()].join("\n"));
    assert.equal(byMessage.has('Revert "Set up CI with Azure Pipelines"'), false);
    assert.match(stderr, /commit-message: message is trivial 6/);
  });
});

describe("gh-harvest local on a repository without commits", () => {
  let repo: TempRepo;
  before(async () => {
    repo = await createTempRepo({ name: "fresh" });
  });
  after(() => repo.cleanup());

  it("warns, writes an empty output and exits 0", async () => {
    const file = join(out, "fresh.jsonl");
    const result = await runCli(["local", repo.dir, "-o", file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: .*fresh: the repository has no commits yet/);
    assert.match(result.stderr, /wrote 0 records/);
    assert.equal(readFileSync(file, "utf8"), "");
  });

  it("keeps --state and --append working until the first commit, then harvests it", async () => {
    const file = join(out, "scheduled.jsonl");
    const state = join(out, "scheduled-state.json");
    const run = () => runCli(["local", repo.dir, "-o", file, "--state", state, "--append"]);
    for (let i = 0; i < 2; i++) {
      const result = await run();
      assert.equal(result.code, 0, result.stderr);
      assert.equal(readFileSync(file, "utf8"), "");
    }
    assert.ok(existsSync(state));
    await repo.write("a.txt", "first\n");
    await repo.commit("Add the first file of the new project");
    const first = await run();
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(records(readFileSync(file, "utf8")).map((r) => r.output), ["Add the first file of the new project"]);
    const again = await run();
    assert.match(again.stderr, /wrote 0 records/);
    assert.equal(records(readFileSync(file, "utf8")).length, 1);
  });

  it("still refuses an unknown revision in a repository that has commits", async () => {
    const result = await runCli(["local", repo.dir, "--rev", "no-such-branch"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown revision "no-such-branch"/);
  });
});

describe("gh-harvest local and machine-written commits", () => {
  let repo: TempRepo;
  const person = { name: "Paul Bottein", email: "paul@example.com" };
  let n = 0;
  const change = async (message: string, author = person) => {
    await repo.write(`file${++n}.txt`, `change ${n}\n`);
    return repo.commit(message, { author });
  };
  before(async () => {
    repo = await createTempRepo({ name: "machines" });
    const cache = await change("Add the cache in front of the slow lookups");
    await change("Optimise the images of the documentation", { name: "ImgBotApp", email: "ImgBotHelp@gmail.com" });
    await change("Translated using Weblate (French) for the menus", { name: "Weblate", email: "noreply@weblate.org" });
    await change("Apply suggestions from code review\n\nCo-authored-by: Ada <ada@example.com>");
    await change("Add files via upload");
    await change("[pre-commit.ci] auto fixes from pre-commit.com hooks\n\nfor more information, see https://pre-commit.ci");
    await change("Bump lodash from 4.17.15 to 4.17.21 (#12)\n\nBumps [lodash](https://github.com/lodash/lodash) from 4.17.15 to 4.17.21.");
    await change(`Revert "Add the cache in front of the slow lookups"\n\nThis reverts commit ${cache}.`);
    await change(`Revert "Add the cache in front of the slow lookups"\n\nThis reverts commit ${cache}.\n\nIt served stale prices after an update.`);
    await change("Bump the minimum Node version to 20 because 18 is end of life");
  });
  after(() => repo.cleanup());

  it("skips bots' commits and GitHub's, Dependabot's and git's texts, not a person's sentences", async () => {
    const result = await runCli(["local", repo.dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      records(result.stdout).map((r) => r.output.split("\n")[0]),
      [
        "Add the cache in front of the slow lookups",
        'Revert "Add the cache in front of the slow lookups"',
        "Bump the minimum Node version to 20 because 18 is end of life",
      ],
    );
    assert.match(result.stderr, /bot author 2/);
    assert.match(result.stderr, /commit-message: subject is trivial 4/);
    assert.match(result.stderr, /commit-message: message is trivial 1/);
  });
});

describe("gh-harvest local: records whose diff leaves files out", () => {
  let repo: TempRepo;
  before(async () => {
    repo = await createTempRepo({ name: "partial" });
    await repo.writeFiles({ "src/a.js": "export const a = 1;\n", "package-lock.json": "{}\n", "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) });
    await repo.commit("Add the module with its lockfile and a logo");
    await repo.write("src/a.js", "export const a = 2;\n");
    await repo.commit("Raise the module's constant to two");
  });
  after(() => repo.cleanup());

  it("count them in meta.omittedFiles, and only then; validate accepts it", async () => {
    const file = join(out, "partial.jsonl");
    const result = await runCli(["local", repo.dir, "-o", file]);
    assert.equal(result.code, 0, result.stderr);
    const [partial, whole] = records(readFileSync(file, "utf8"));
    assert.equal(partial.meta.omittedFiles, 2);
    assert.equal("omittedFiles" in whole.meta, false);
    const excluded = await runCli(["local", repo.dir, "--include", "src/**"]);
    assert.equal(records(excluded.stdout)[0].meta.omittedFiles, 2, "--include drops the lockfile and the logo too");
    const check = await runCli(["validate", file]);
    assert.equal(check.code, 0, check.stdout);
  });
});
