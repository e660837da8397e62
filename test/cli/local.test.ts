import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyAtParent, createTempRepo, runGit, type TempRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/cli.js";

let repo: TempRepo;
let out: string;
const shas: string[] = [];

before(async () => {
  repo = await createTempRepo({ name: "widgets" });
  out = mkdtempSync(join(tmpdir(), "cli-local-"));
  await repo.write("src/add.py", "def add(a, b):\n    return a - b\n");
  shas.push(await repo.commit("Add an add function to the widgets package"));
  await repo.write("src/add.py", "def add(a, b):\n    return a + b\n");
  shas.push(await repo.commit("Fix the sign of add so that sums are right"));
  await repo.write("notes.txt", "x\n");
  shas.push(await repo.commit("wip"));
  await repo.write("package-lock.json", '{"lockfileVersion": 3}\n');
  shas.push(await repo.commit("Pin every dependency with a lockfile for reproducible builds"));
  await repo.write("src/mul.py", "def mul(a, b):\n    return a * b\n");
  shas.push(await repo.commit("Add a mul function next to add for products", { author: { name: "dependabot[bot]", email: "bot@example.com" } }));
});

after(async () => {
  await repo.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const lines = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("gh-harvest local", () => {
  it("writes valid records whose input applies at the parent, and summarizes skips", async () => {
    const file = join(out, "data.jsonl");
    const result = await runCli(["local", repo.dir, "-o", file]);
    assert.equal(result.code, 0, result.stderr);
    const records = lines(file);
    assert.deepEqual(records.map((r) => r.output), ["Add an add function to the widgets package", "Fix the sign of add so that sums are right"]);
    for (const record of records) {
      assert.equal(record.meta.repo, "widgets");
      assert.equal(record.meta.source, "commit");
      const sha = record.meta.sha as string;
      const parents = shas.indexOf(sha) > 0 ? [shas[shas.indexOf(sha) - 1]!] : [];
      const applied = await applyAtParent(repo.dir, { sha, parents }, record.input);
      assert.deepEqual(applied.differing, [], `the diff of ${sha} reproduces the commit`);
      assert.ok(applied.changed.length > 0);
    }
    assert.match(result.stderr, /wrote 2 records to .*data\.jsonl/);
    assert.match(result.stderr, /subject is trivial 1/);
    assert.match(result.stderr, /only filtered, binary or non-UTF-8 files 1/);
    assert.match(result.stderr, /bot author 1/);
    const check = await runCli(["validate", file]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });

  it("gives a byte-identical file on a second run, and writes chat formats", async () => {
    const a = join(out, "a.jsonl");
    const b = join(out, "b.jsonl");
    await runCli(["local", repo.dir, "-o", a]);
    await runCli(["local", repo.dir, "-o", b]);
    assert.equal(readFileSync(a, "utf8"), readFileSync(b, "utf8"));
    const chat = await runCli(["local", repo.dir, "--format", "sharegpt", "--limit", "1"]);
    assert.equal(chat.code, 0);
    const [record] = chat.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(record.conversations[0].from, "human");
    assert.match(record.conversations[0].value, /\n\ndiff --git a\/src\/add\.py b\/src\/add\.py/);
    assert.equal(record.conversations[1].value, "Add an add function to the widgets package");
  });

  it("only adds new commits with --state and --append", async () => {
    const file = join(out, "incremental.jsonl");
    const state = join(out, "state", "state.json");
    const first = await runCli(["local", repo.dir, "-o", file, "--state", state, "--append"]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(lines(file).length, 2);
    await repo.write("src/sub.py", "def sub(a, b):\n    return a - b\n");
    await repo.commit("Add a sub function for differences of numbers");
    const second = await runCli(["local", repo.dir, "-o", file, "--state", state, "--append"]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /wrote 1 record .* from 1 item/);
    assert.deepEqual(lines(file).map((r) => r.output).at(-1), "Add a sub function for differences of numbers");
    assert.equal(lines(file).length, 3);
  });

  it("--state warns when the options that leave items out changed, and when a run without --append replaces the file", async () => {
    const file = join(out, "selection.jsonl");
    const state = join(out, "selection-state.json");
    const narrow = await runCli(["local", repo.dir, "-o", file, "--state", state, "--max-diff-lines", "1"]);
    assert.equal(narrow.code, 0, narrow.stderr);
    assert.doesNotMatch(narrow.stderr, /warning/);
    const wide = await runCli(["local", repo.dir, "-o", file, "--state", state, "--append"]);
    assert.equal(wide.code, 0, wide.stderr);
    assert.match(
      wide.stderr,
      /warning: .*selection-state\.json: .*widgets was last harvested with other options \(--max-diff-lines 1 \(now 1000\)\); what those left out is not read again: delete .*selection-state\.json to harvest everything with these/,
    );
    const same = await runCli(["local", repo.dir, "-o", file, "--state", state, "--append"]);
    assert.doesNotMatch(same.stderr, /other options/, "said once: the state now holds this run's options");
    writeFileSync(file, '{"kept": "from before"}\n');
    const replaced = await runCli(["local", repo.dir, "-o", file, "--state", state]);
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.match(replaced.stderr, /warning: .*selection\.jsonl now holds only this run's 0 new records: --state .* reads only what is new, and without --append the file is replaced \(add --append to keep the earlier records\)/);
    assert.equal(readFileSync(file, "utf8"), "");
  });

  it("--append leaves out the content the file holds under other ids: the same history from a clone in another folder", async () => {
    const clone = join(out, "widgets-checkout");
    await runGit(out, ["clone", "-q", repo.dir, clone]);
    for (const format of ["alpaca", "openai"]) {
      const file = join(out, `twice-${format}.jsonl`);
      const first = await runCli(["local", repo.dir, "-o", file, "--format", format]);
      assert.equal(first.code, 0, first.stderr);
      const again = await runCli(["local", clone, "-o", file, "--append", "--format", format]);
      assert.equal(again.code, 0, again.stderr);
      const held = lines(file).length;
      assert.ok(held >= 2);
      assert.match(again.stderr, /wrote 0 records/);
      assert.match(again.stderr, new RegExp(`same content as a record already in the output ${held}\\b`));
      assert.equal(lines(file).length, held);
      const check = await runCli(["validate", file]);
      assert.equal(check.code, 0, check.stdout);
    }
  });

  it("--append keeps one shape and one record a line: a file whose last line lacks its line end, another --format", async () => {
    const file = join(out, "hand-edited.jsonl");
    await runCli(["local", repo.dir, "-o", file, "--limit", "1"]);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, "")); // saved by an editor without the last line end
    const appended = await runCli(["local", repo.dir, "-o", file, "--append"]);
    assert.equal(appended.code, 0, appended.stderr);
    const check = await runCli(["validate", file]);
    assert.equal(check.code, 0, check.stdout);
    const before = readFileSync(file, "utf8");
    const mixed = await runCli(["local", repo.dir, "-o", file, "--append", "--format", "openai"]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /hand-edited\.jsonl holds alpaca records; --append --format openai would mix two shapes: give --format alpaca, or another --out\n$/);
    assert.equal(readFileSync(file, "utf8"), before);
  });

  it("says that --state was not updated when --limit cut the run short, and leaves it as it was", async () => {
    const file = join(out, "limited.jsonl");
    const state = join(out, "limited-state.json");
    const cut = await runCli(["local", repo.dir, "-o", file, "--state", state, "--limit", "1"]);
    assert.equal(cut.code, 0, cut.stderr);
    assert.match(cut.stderr, /\(--limit reached\)\n.*limited-state\.json not updated: --limit stopped the run before it read everything/);
    assert.equal(existsSync(state), false);
    const whole = await runCli(["local", repo.dir, "-o", file, "--state", state]);
    assert.doesNotMatch(whole.stderr, /not updated/);
    assert.equal(existsSync(state), true);
  });

  it("leaves the previous output untouched when a run fails on bad input", async () => {
    const file = join(out, "kept.jsonl");
    writeFileSync(file, "previous\n");
    const rule = join(out, "bad.yaml");
    writeFileSync(rule, "name: bad\nsource: commit\ndescription: x\ninstruction: '{{nope}}'\noutput: x\n");
    const result = await runCli(["local", repo.dir, "-o", file, "-m", rule]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^gh-harvest: .*bad\.yaml:4: instruction: unknown field "nope"/);
    assert.equal(result.stderr.trim().split("\n").length, 1, "one line, no stack trace");
    assert.equal(readFileSync(file, "utf8"), "previous\n");
  });

  it("writes nothing when interrupted", async () => {
    const file = join(out, "interrupted.jsonl");
    const controller = new AbortController();
    controller.abort();
    const result = await runCli(["local", repo.dir, "-o", file], { signal: controller.signal });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /interrupted/);
    assert.equal(existsSync(file), false);
  });

  it("says what to fix for a path that is not a repository and for bad options", async () => {
    const notRepo = mkdtempSync(join(tmpdir(), "not-a-repo-"));
    try {
      const result = await runCli(["local", notRepo]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /not a git repository/);
    } finally {
      rmSync(notRepo, { recursive: true, force: true });
    }
    for (const args of [["--limit", "0"], ["--since", "yesterday"], ["--format", "csv"], ["--bogus"]]) {
      const result = await runCli(["local", repo.dir, ...args]);
      assert.equal(result.code, 2, args.join(" "));
      assert.equal(result.stderr.trim().split("\n").length, 1);
    }
    const rev = await runCli(["local", repo.dir, "--rev", "no-such-branch"]);
    assert.equal(rev.code, 2);
    assert.match(rev.stderr, /no-such-branch/);
  });
});

describe("gh-harvest local: cherry-picks", () => {
  it("keeps a change once when a release branch cherry-picks it", async () => {
    const repo = await createTempRepo({ name: "picks" });
    try {
      await repo.write("src/app.py", "def run():\n    return 1\n");
      await repo.commit("Add the application entry point");
      await repo.branch("release");
      await repo.write("src/app.py", "def run():\n    return 2\n");
      const fix = await repo.commit("Return two from run as the spec says");
      await repo.checkout("release");
      await repo.git(["cherry-pick", "-x", fix]);
      await repo.checkout("main");
      const result = await runCli(["local", repo.dir, "--rev", "main", "--rev", "release"]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim().split("\n").length, 2);
      assert.match(result.stderr, /same change as an earlier record \(cherry-pick\) 1/);
      // Appended to again, the file keeps one copy: the record already held still stands for
      // its change, so the cherry-pick is left out as the first run left it out.
      const file = join(repo.dir, "..", "picks.jsonl");
      await runCli(["local", repo.dir, "--rev", "main", "--rev", "release", "-o", file]);
      const again = await runCli(["local", repo.dir, "--rev", "main", "--rev", "release", "-o", file, "--append"]);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, /wrote 0 records/);
      assert.equal(readFileSync(file, "utf8").trim().split("\n").length, 2);
      rmSync(file);
    } finally {
      await repo.cleanup();
    }
  });
});

describe("gh-harvest local: the same line added in two places", () => {
  it("keeps both commits: they are two changes, not a cherry-pick", async () => {
    const repo = await createTempRepo({ name: "twice" });
    try {
      await repo.write("src/store.py", "def load():\n    return read()\n\n\ndef save(data):\n    return write(data)\n");
      await repo.commit("Add the store with load and save");
      await repo.write("src/store.py", "def load():\n    backoff()\n    return read()\n\n\ndef save(data):\n    return write(data)\n");
      await repo.commit("Back off before reading the store");
      await repo.write("src/store.py", "def load():\n    backoff()\n    return read()\n\n\ndef save(data):\n    backoff()\n    return write(data)\n");
      await repo.commit("Back off before writing the store too");
      const result = await runCli(["local", repo.dir]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim().split("\n").length, 3, result.stderr);
      assert.doesNotMatch(result.stderr, /cherry-pick/);
    } finally {
      await repo.cleanup();
    }
  });
});

describe("gh-harvest local --state", () => {
  let repo: TempRepo;
  let dir: string;
  before(async () => {
    repo = await createTempRepo({ name: "branches" });
    dir = mkdtempSync(join(tmpdir(), "cli-local-state-"));
    await repo.write("src/app.py", "def run():\n    return 1\n");
    await repo.commit("Add the application entry point");
    await repo.branch("side");
    await repo.write("src/main.py", "from app import run\n");
    await repo.commit("Call the entry point from a main module");
    await repo.checkout("side");
    await repo.write("src/app.py", "def run():\n    return 2\n");
    await repo.commit("Return two from run as the spec says");
    await repo.checkout("main");
  });
  after(async () => {
    await repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const written = (stderr: string) => Number(/wrote (\d+) records?/.exec(stderr)?.[1]);

  it("writes nothing on reruns over several --rev, then only what is new on any of them", async () => {
    const state = join(dir, "two-branches.json");
    const args = ["local", repo.dir, "--rev", "main", "--rev", "side", "--state", state, "-o", "-"];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(written(first.stderr), 3);
    for (const run of [2, 3]) {
      const again = await runCli(args);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(written(again.stderr), 0, `run ${run}: ${again.stderr}`);
      assert.equal(again.stdout, "");
    }
    await repo.checkout("side");
    await repo.write("src/app.py", "def run():\n    return 3\n");
    const added = await repo.commit("Return three from run for the new spec");
    await repo.checkout("main");
    const next = await runCli(args);
    assert.equal(written(next.stderr), 1, next.stderr);
    assert.equal(JSON.parse(next.stdout).meta.sha, added);
  });

  it("reads a state file of the old shape (one lastSha) and rewrites it with the tips", async () => {
    const state = join(dir, "old-shape.json");
    const root = await repo.git(["rev-parse", "--show-toplevel"]);
    const old = await repo.revParse("main~1");
    writeFileSync(state, JSON.stringify({ version: 1, sources: { [`git:${root}`]: { lastSha: old } } }));
    const result = await runCli(["local", repo.dir, "--state", state, "-o", "-"]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split("\n").map((l) => JSON.parse(l).output), ["Call the entry point from a main module"]);
    const saved = JSON.parse(readFileSync(state, "utf8"));
    assert.deepEqual(saved.sources[`git:${root}`], { tips: [await repo.revParse("main")], selection: { "--max-diff-bytes": "100000", "--max-diff-lines": "1000" } });
  });

  it("goes on with a warning when a remembered commit was rewritten away (force-push, gc)", async () => {
    const rewritten = await createTempRepo({ name: "rewritten" });
    try {
      await rewritten.write("a.py", "x = 1\n");
      await rewritten.commit("Add the first module of the project");
      await rewritten.write("a.py", "x = 2\n");
      const old = await rewritten.commit("Set x to two in the first module");
      const state = join(dir, "rewritten.json");
      const args = ["local", rewritten.dir, "--state", state, "-o", "-"];
      assert.equal((await runCli(args)).code, 0);
      await rewritten.git(["commit", "-q", "--amend", "-m", "Set x to two, as the spec says"]);
      await rewritten.git(["reflog", "expire", "--expire=now", "--all"]);
      await rewritten.git(["gc", "-q", "--prune=now"]);
      assert.equal(await rewritten.fileAt(old, "a.py"), undefined, "the old commit is gone");
      const result = await runCli(args);
      assert.equal(result.code, 0, result.stderr);
      const warnings = result.stderr.split("\n").filter((l) => l.includes("warning:"));
      assert.equal(warnings.length, 1, result.stderr);
      assert.match(warnings[0]!, new RegExp(`^gh-harvest: warning: .*rewritten\\.json: commit ${old.slice(0, 7)} is no longer in .*rewritten \\(force-push\\?\\); harvesting rewritten from the start$`));
      assert.equal(written(result.stderr), 2);
      const third = await runCli(args);
      assert.equal(written(third.stderr), 0, "the state now holds the new tip");
      assert.doesNotMatch(third.stderr, /warning/);
    } finally {
      await rewritten.cleanup();
    }
  });
});

describe("gh-harvest local in a shallow clone", () => {
  it("skips the boundary commit, counts it in the summary and says how to fetch the history", async () => {
    const origin = await createTempRepo({ name: "origin" });
    try {
      await origin.write("src/app.py", "def run():\n    return 1\n");
      await origin.commit("Add the application entry point");
      await origin.write("src/app.py", "def run():\n    return 2\n");
      await origin.commit("Return two from run as the spec says");
      await origin.write("src/app.py", "def run():\n    return 3\n");
      const last = await origin.commit("Return three from run for the new spec");
      const shallow = join(origin.dir, "..", "shallow");
      await runGit(origin.dir, ["clone", "-q", "--depth", "2", `file://${origin.dir}`, shallow]);
      const result = await runCli(["local", shallow, "-o", "-"]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(result.stdout.trim().split("\n").map((l) => JSON.parse(l).meta.sha), [last]);
      assert.match(result.stderr, /skipped 1: shallow clone boundary \(parent not fetched\) 1/);
      assert.match(result.stderr, /wrote 1 record to .* from 2 items/, "the boundary commit was read too");
      const warnings = result.stderr.split("\n").filter((l) => l.includes("warning:"));
      assert.equal(warnings.length, 1, result.stderr);
      assert.match(warnings[0]!, /git fetch --unshallow.*fetch-depth: 0/);
    } finally {
      await origin.cleanup();
    }
  });
});

describe("gh-harvest local --include and --exclude", () => {
  it("reads the patterns as .gitignore does: names at any depth, folders with everything under them", async () => {
    const repo = await createTempRepo({ name: "globs" });
    try {
      await repo.writeFiles({ "README.md": "# Globs\n", "docs/guide.md": "Read me.\n", "src/a.ts": "export const a = 1;\n", "src/b.py": "b = 1\n" });
      await repo.commit("Add the readme, the guide and two modules");
      const files = async (...args: string[]) => {
        const result = await runCli(["local", repo.dir, "-o", "-", ...args]);
        assert.equal(result.code, 0, result.stderr);
        return [...JSON.parse(result.stdout).input.matchAll(/^diff --git a\/(\S+)/gm)].map((m) => m[1]);
      };
      assert.deepEqual(await files("--exclude", "*.md"), ["src/a.ts", "src/b.py"]);
      assert.deepEqual(await files("--exclude", "docs"), ["README.md", "src/a.ts", "src/b.py"]);
      assert.deepEqual(await files("--exclude", "docs/"), ["README.md", "src/a.ts", "src/b.py"]);
      assert.deepEqual(await files("--include", "*.ts"), ["src/a.ts"]);
      assert.deepEqual(await files("--include", "src", "--exclude", "*.py"), ["src/a.ts"]);
    } finally {
      await repo.cleanup();
    }
  });
});
