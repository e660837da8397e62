import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parsePatch } from "diff";
import { localCommits, SHALLOW_BOUNDARY } from "../../extractors/commits.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import type { ExtractContext } from "../../src/extractor.js";
import { createGitClient } from "../../src/git/client.js";
import { memoryLogger } from "../../src/log.js";
import { type CommitRecord, CommitRecordSchema } from "../../src/records.js";
import { join } from "node:path";
import { applyAtParent, createTempRepo, runGit, type TempRepo } from "../helpers/git-repo.js";

const git = createGitClient();
const FAKE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE";

function context(overrides: Partial<ExtractContext> = {}): ExtractContext {
  return { diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger(), ...overrides };
}

async function collect(repo: TempRepo, options: Partial<Parameters<typeof localCommits>[0]> = {}, ctx = context()) {
  const records: CommitRecord[] = [];
  for await (const record of localCommits({ path: repo.dir, git, ...options }).extract(ctx)) records.push(record);
  return records;
}

const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} ${i}`).join("\n") + "\n";

/** One commit per case the extractor must get right; returns their shas by name. */
async function buildHistory(repo: TempRepo) {
  const sha: Record<string, string> = {};
  await repo.writeFiles({
    "README.md": "# Widgets\n\nA small library.\n",
    "src/app.js": lines(30, "const line ="),
    "docs/user guide.md": "How to use it.\n",
    "docs/café.md": "Des widgets.\n",
  });
  sha.root = await repo.commit("Add the readme, the app and the guides\n\nThe first version.");
  await repo.rename("src/app.js", "src/main.js");
  await repo.write("src/main.js", lines(30, "const line =").replace("line = 3\n", "line = three\n"));
  sha.rename = await repo.commit("Rename the app module to main");
  await repo.write("assets/logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0]));
  await repo.write("README.md", "# Widgets\n\nA small library with a logo.\n");
  sha.binary = await repo.commit("Add a logo to the readme");
  await repo.write("package-lock.json", '{\n  "lockfileVersion": 3\n}\n');
  sha.lockfile = await repo.commit("Update the lockfile after npm install");
  await repo.write("legacy.txt", Buffer.from("Cr\xe8me br\xfbl\xe9e\n", "latin1"));
  await repo.write("docs/user guide.md", "How to use it, in detail.\n");
  sha.latin1 = await repo.commit("Add the legacy notes in Latin-1");
  await repo.write("config.js", `export const awsKey = "${FAKE_AWS_KEY}";\n`);
  sha.credential = await repo.commit("Configure the storage client");
  await repo.write("data/big.txt", lines(1500, "row"));
  sha.huge = await repo.commit("Add the big data table");
  sha.empty = await repo.commit("Record an empty commit on purpose", { allowEmpty: true });
  await repo.write("run.sh", "#!/bin/sh\necho run\n");
  await repo.commit("Add the run script");
  await repo.chmod("run.sh", true);
  sha.mode = await repo.commit("Make the run script executable");
  await repo.writeFiles({
    "tab\tname.txt": "tabbed\n",
    'quote"d.txt': "quoted\n",
    "no-newline.txt": "no newline at the end",
    "empty.txt": "",
    "changes.patch": "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n",
  });
  await repo.symlink("README.md", "link-to-readme");
  sha.odd = await repo.commit("Add files with odd names and contents\n\ndiff --git a/fake b/fake\nis only text in a message.");
  await repo.remove("legacy.txt");
  await repo.write("late-nul.txt", `${"text\n".repeat(2000)}a NUL \0 late in a text file\n`);
  sha.delete = await repo.commit("Remove the legacy notes", { date: "2024-03-01T12:00:00Z", committerDate: "2024-06-01T12:00:00Z" });
  await repo.write("menu.txt", "Crème brûlée\n");
  await repo.commit("Corrige la crème brûlée du menu", { encoding: "ISO-8859-1" });
  sha.latin1Message = await repo.revParse("HEAD");
  await repo.write("menu.txt", "Crème brûlée, deux\n");
  sha.undeclared = await repo.commit(Buffer.from("Ajoute la deuxi\xe8me cr\xe8me\n", "latin1"));
  await repo.branch("feature");
  await repo.checkout("feature");
  await repo.write("src/feature.js", "export const feature = true;\n");
  sha.feature = await repo.commit("Add the feature flag module");
  await repo.checkout("main");
  await repo.write("README.md", "# Widgets\n\nA small library with a logo and a feature.\n");
  sha.mainSide = await repo.commit("Mention the feature in the readme");
  sha.merge = await repo.merge("feature", "Merge branch 'feature'");
  await repo.write("src/main.js", lines(31, "const line ="));
  sha.last = await repo.commit("Add one more line after the merge", { date: "2024-07-01T00:00:00Z" });
  await repo.checkout("feature");
  // A commit whose clock ran behind: committed before --since, on a side branch.
  sha.skewed = await repo.commit("Fix the feature flag default", { date: "2024-02-01T00:00:00Z", allowEmpty: true });
  await repo.checkout("main");
  return sha;
}

describe("local commits extractor", () => {
  let repo: TempRepo;
  let sha: Record<string, string>;
  let records: CommitRecord[];
  const bySha = (s: string | undefined) => {
    const found = records.find((r) => r.sha === s);
    assert.ok(found, `no record for ${s}`);
    return found;
  };

  before(async () => {
    repo = await createTempRepo({ name: "widgets" });
    sha = await buildHistory(repo);
    records = await collect(repo);
  });
  after(() => repo.cleanup());

  it("yields every non-merge commit, oldest first, as valid commit records", async () => {
    const expected = (await repo.git(["rev-list", "--reverse", "--no-merges", "HEAD"])).split("\n");
    assert.deepEqual(
      records.map((r) => r.sha),
      expected,
    );
    for (const record of records) CommitRecordSchema.parse(record);
    assert.ok(!records.some((r) => r.sha === sha.merge), "the merge commit is not yielded");
    assert.ok(records.some((r) => r.sha === sha.feature) && records.some((r) => r.sha === sha.mainSide));
  });

  it("gives the repository's folder name, author, committer date and message parts", () => {
    const root = bySha(sha.root);
    assert.equal(root.repo, "widgets");
    assert.deepEqual(root.author, { name: "Ada Lovelace", email: "ada@example.com" });
    assert.deepEqual(root.parents, []);
    assert.equal(root.message, "Add the readme, the app and the guides\n\nThe first version.");
    assert.equal(root.subject, "Add the readme, the app and the guides");
    assert.equal(root.body, "The first version.");
    const deleted = bySha(sha.delete);
    assert.equal(Date.parse(deleted.createdAt), Date.parse("2024-06-01T12:00:00Z"), "createdAt is the committer date");
    assert.deepEqual(bySha(sha.rename).parents, [sha.root]);
  });

  it("diffs the root commit against the empty tree", () => {
    const root = bySha(sha.root);
    assert.deepEqual(
      root.diff.files.map((f) => [f.path, f.status]),
      [
        ["README.md", "added"],
        ["docs/café.md", "added"],
        ["docs/user guide.md", "added"],
        ["src/app.js", "added"],
      ],
    );
    assert.match(root.diff.text, /^diff --git a\/README.md b\/README.md\nnew file mode 100644\n/);
  });

  it("reports a rename with its old path and keeps the similarity header", () => {
    const diff = bySha(sha.rename).diff;
    assert.deepEqual(diff.files, [{ path: "src/main.js", oldPath: "src/app.js", status: "renamed", additions: 1, deletions: 1 }]);
    assert.match(diff.text, /similarity index \d+%\nrename from src\/app.js\nrename to src\/main.js\n/);
  });

  it("drops binary files, never putting their content in the diff", () => {
    const diff = bySha(sha.binary).diff;
    assert.deepEqual(diff.dropped, [{ path: "assets/logo.png", reason: "binary" }]);
    assert.deepEqual(
      diff.files.map((f) => f.path),
      ["README.md"],
    );
    assert.ok(!diff.text.includes("logo.png") && !diff.text.includes("Binary"));
  });

  it("drops a lockfile, leaving an empty diff for a lockfile-only change", () => {
    const diff = bySha(sha.lockfile).diff;
    assert.deepEqual(diff, {
      text: "",
      lines: 0,
      files: [],
      dropped: [{ path: "package-lock.json", reason: "filtered" }],
      bytes: 0,
      tooLarge: false,
    });
  });

  it("drops files whose content is not UTF-8 and keeps the rest", () => {
    const diff = bySha(sha.latin1).diff;
    assert.deepEqual(diff.dropped, [{ path: "legacy.txt", reason: "non-utf8" }]);
    assert.deepEqual(
      diff.files.map((f) => f.path),
      ["docs/user guide.md"],
    );
    assert.ok(Buffer.from(diff.text, "utf8").toString("utf8") === diff.text && !diff.text.includes("\ufffd"));
    assert.deepEqual(bySha(sha.delete).diff.dropped, [{ path: "legacy.txt", reason: "non-utf8" }]);
  });

  it("keeps a planted credential as git printed it (redaction comes later)", () => {
    assert.ok(bySha(sha.credential).diff.text.includes(`+export const awsKey = "${FAKE_AWS_KEY}";\n`));
  });

  it("marks a diff longer than maxDiffLines as too large, counting its lines but keeping no text", () => {
    const diff = bySha(sha.huge).diff;
    assert.equal(diff.tooLarge, true);
    assert.equal(diff.text, "");
    assert.equal(diff.lines, 1500 + 6);
    assert.deepEqual(diff.files, [{ path: "data/big.txt", status: "added", additions: 1500, deletions: 0 }]);
  });

  it("gives an empty commit an empty diff", () => {
    assert.deepEqual(bySha(sha.empty).diff, { text: "", lines: 0, files: [], dropped: [], bytes: 0, tooLarge: false });
  });

  it("keeps a mode change", () => {
    const diff = bySha(sha.mode).diff;
    assert.equal(diff.text, "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n");
    assert.deepEqual(diff.files, [{ path: "run.sh", status: "modified", additions: 0, deletions: 0 }]);
  });

  it("handles quoted names, empty files, symlinks, missing final newlines and patch-like content", () => {
    const diff = bySha(sha.odd).diff;
    assert.deepEqual(diff.files.map((f) => f.path).sort(), [
      "changes.patch",
      "empty.txt",
      "link-to-readme",
      "no-newline.txt",
      'quote"d.txt',
      "tab\tname.txt",
    ]);
    assert.ok(diff.text.includes('diff --git "a/tab\\tname.txt" "b/tab\\tname.txt"\n'));
    assert.ok(diff.text.includes("+diff --git a/x b/x\n"));
    assert.ok(diff.text.includes("\\ No newline at end of file\n"));
    assert.equal(bySha(sha.odd).body, "diff --git a/fake b/fake\nis only text in a message.");
  });

  it("keeps a text file with a NUL past git's binary check", () => {
    const diff = bySha(sha.delete).diff;
    assert.deepEqual(diff.files, [{ path: "late-nul.txt", status: "added", additions: 2001, deletions: 0 }]);
    assert.equal(diff.tooLarge, true, "2001 lines is over the limit");
    assert.equal(diff.lines, 2001 + 6);
  });

  it("decodes a message in a declared legacy encoding", () => {
    assert.equal(bySha(sha.latin1Message).subject, "Corrige la crème brûlée du menu");
  });

  it("decodes a message in Latin-1 that declares no encoding, leniently", () => {
    assert.equal(bySha(sha.undeclared).message, "Ajoute la deuxième crème");
  });

  it("counts lines like the text it keeps, and additions and deletions like parsePatch", () => {
    for (const record of records) {
      const { diff } = record;
      if (diff.tooLarge || diff.text === "") continue;
      assert.equal(diff.lines, diff.text.split("\n").length - 1, record.subject);
      assert.equal(diff.bytes, Buffer.byteLength(diff.text), record.subject);
      const patches = parsePatch(diff.text);
      assert.equal(patches.length, diff.files.length, record.subject);
      patches.forEach((patch, i) => {
        const body = patch.hunks.flatMap((h) => h.lines);
        assert.equal(diff.files[i]!.additions, body.filter((l) => l.startsWith("+")).length, `${record.subject} ${i}`);
        assert.equal(diff.files[i]!.deletions, body.filter((l) => l.startsWith("-")).length, `${record.subject} ${i}`);
      });
    }
  });

  it("writes diffs that git apply turns from the parent into the commit, for every file they name", async () => {
    const withText = records.filter((r) => r.diff.text !== "");
    // Each check is a few git processes of its own: run them side by side.
    const results = await Promise.all(withText.map((r) => applyAtParent(repo.dir, r, r.diff.text)));
    withText.forEach((record, i) => {
      const { changed, differing } = results[i]!;
      const named = record.diff.files.flatMap((f) => (f.status === "renamed" ? [f.path, f.oldPath!] : [f.path]));
      assert.deepEqual(changed.sort(), [...new Set(named)].sort(), `${record.subject}: the diff changes what it names`);
      assert.deepEqual(differing, [], `${record.subject}: applied at the parent, the diff gives the commit's files`);
    });
    assert.ok(withText.length >= 10, `${withText.length} diffs checked`);
  });

  it("would notice a diff that does not give the commit's files", async () => {
    const record = bySha(sha.credential);
    const altered = record.diff.text.replace(FAKE_AWS_KEY, "AKIA0000000000000000");
    assert.deepEqual(await applyAtParent(repo.dir, record, altered), { changed: ["config.js"], differing: ["config.js"] });
  });

  it("applies in a real work tree too (root commit, rename, odd names)", async () => {
    for (const name of ["root", "rename", "odd", "mode"]) {
      const record = bySha(sha[name]);
      const { differing, changed } = await applyAtParent(repo.dir, record, record.diff.text, { mode: "worktree" });
      assert.ok(changed.length > 0, name);
      assert.deepEqual(differing, [], name);
    }
  });

  it("keeps only commits committed at or after --since", async () => {
    const since = new Date("2024-06-01T12:00:00Z");
    const recent = await collect(repo, { revs: ["HEAD", "feature"] }, context({ since }));
    assert.ok(!recent.some((r) => r.sha === sha.skewed));
    const expected = records.filter((r) => Date.parse(r.createdAt) >= since.getTime()).map((r) => r.sha);
    assert.deepEqual(
      recent.map((r) => r.sha),
      expected,
    );
    assert.ok(recent.some((r) => r.sha === sha.delete), "committed (not authored) at the --since instant");
    assert.ok(recent.length >= 3 && recent.length < records.length);
  });

  it("walks revision ranges and branches", async () => {
    const range = await collect(repo, { revs: [`${sha.mode}..${sha.delete}`] });
    assert.deepEqual(
      range.map((r) => r.sha),
      [sha.odd, sha.delete],
    );
    const featureOnly = await collect(repo, { revs: ["feature", `^${sha.mainSide}`] });
    assert.deepEqual(
      featureOnly.map((r) => r.sha),
      [sha.feature, sha.skewed],
    );
    const two = await collect(repo, { revs: [`${sha.root}`, `${sha.rename}`] });
    assert.equal(two.length, 2);
  });

  it("harvests only what the --state tips do not reach, and gives every tip walked", async () => {
    const extractor = localCommits({ path: repo.dir, git, stateSince: sha.merge });
    assert.deepEqual(await extractor.tips(), [sha.last]);
    assert.equal(await extractor.repoName(), "widgets");
    const fresh: string[] = [];
    for await (const r of extractor.extract(context())) fresh.push(r.sha);
    assert.deepEqual(fresh, [sha.last]);
    // Two branches: both tips, so that a rerun from them finds nothing on either.
    const both = localCommits({ path: repo.dir, git, revs: ["main", "feature"] });
    assert.deepEqual(await both.tips(), [sha.last, sha.skewed]);
    assert.deepEqual(await collect(repo, { revs: ["main", "feature"], stateSince: await both.tips() }), []);
  });

  it("leaves out a remembered sha that is no longer in the repository, and says so", async () => {
    const gone = "be5bd19f0c3c2d5b2a3e5f6a7b8c9d0e1f2a3b4c";
    const told: unknown[] = [];
    const onMissingStateSha = (missing: string, repository: { name: string }, othersLeft: boolean) =>
      told.push([missing, repository.name, othersLeft]);
    const rest = await collect(repo, { stateSince: [gone, sha.merge!], onMissingStateSha });
    assert.deepEqual(rest.map((r) => r.sha), [sha.last]);
    assert.deepEqual(told, [[gone, "widgets", true]]);
    told.length = 0;
    const all = await collect(repo, { stateSince: [gone], onMissingStateSha });
    assert.deepEqual(all.map((r) => r.sha), records.map((r) => r.sha), "from the start");
    assert.deepEqual(told, [[gone, "widgets", false]]);
  });

  it("stops mid-stream when the context's signal aborts", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const record of localCommits({ path: repo.dir, git }).extract(context({ signal: controller.signal }))) {
      seen.push(record.sha);
      if (seen.length === 2) controller.abort();
    }
    assert.deepEqual(
      seen,
      records.slice(0, 2).map((r) => r.sha),
    );
  });

  it("applies the diff filter and the line limit of the context", async () => {
    const onlyDocs = await collect(repo, {}, context({ diffFilter: (p) => p.startsWith("docs/"), maxDiffLines: 3 }));
    const root = onlyDocs.find((r) => r.sha === sha.root)!;
    assert.deepEqual(
      root.diff.files.map((f) => f.path),
      ["docs/café.md", "docs/user guide.md"],
    );
    assert.equal(root.diff.tooLarge, true);
    assert.equal(root.diff.lines, 14);
    assert.deepEqual(root.diff.dropped.map((d) => d.reason), ["filtered", "filtered"]);
  });
});

describe("local commits extractor in a shallow clone", () => {
  let origin: TempRepo;
  let sha: string[];

  before(async () => {
    origin = await createTempRepo({ name: "origin" });
    await origin.writeFiles({ "README.md": "# Tool\n", "src/tool.py": "def tool():\n    return 1\n" });
    await origin.commit("Add the readme and the tool module");
    await origin.write("src/tool.py", "def tool():\n    return 2\n");
    await origin.commit("Return two from the tool as the spec says");
    await origin.write("src/tool.py", "def tool():\n    return 3\n");
    await origin.commit("Return three from the tool for the new spec");
    sha = (await origin.git(["rev-list", "--reverse", "HEAD"])).split("\n");
  });
  after(() => origin.cleanup());

  /** A clone next to origin; file:// because a plain path clones locally and ignores --depth. */
  async function clone(name: string, args: readonly string[]): Promise<string> {
    const dir = join(origin.dir, "..", name);
    await runGit(origin.dir, ["clone", "-q", ...args, `file://${origin.dir}`, dir]);
    return dir;
  }

  async function harvest(path: string) {
    const log = memoryLogger();
    const extractor = localCommits({ path, git });
    const records: CommitRecord[] = [];
    for await (const record of extractor.extract(context({ log }))) records.push(record);
    return { records, skipped: extractor.skipped(), warnings: log.lines.filter((l) => l.startsWith("warning:")) };
  }

  it("skips the commit whose parent was not fetched, counts it and says how to fetch the rest", async () => {
    const dir = await clone("depth-2", ["--depth", "2"]);
    const { records, skipped, warnings } = await harvest(dir);
    assert.deepEqual(records.map((r) => r.sha), [sha[2]], "not the boundary commit with the whole tree as its diff");
    assert.deepEqual(skipped, { [SHALLOW_BOUNDARY]: 1 });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /depth-2: skipped 1 commit at the boundary of a shallow clone .*git fetch --unshallow.*fetch-depth: 0/);
    const applied = await applyAtParent(origin.dir, records[0]!, records[0]!.diff.text);
    assert.deepEqual(applied.differing, []);
  });

  it("still harvests a real root commit, in a full clone and in a shallow clone of it alone", async () => {
    const full = await harvest(origin.dir);
    assert.deepEqual(full.records.map((r) => r.sha), sha);
    assert.deepEqual(full.records[0]!.parents, []);
    assert.deepEqual([full.skipped, full.warnings], [{}, []]);
    // A depth-1 clone of a one-commit history lists its root in .git/shallow too.
    await origin.branch("root", sha[0]!);
    const alone = await harvest(await clone("root-only", ["--depth", "1", "--branch", "root"]));
    assert.deepEqual(alone.records.map((r) => r.sha), [sha[0]]);
    assert.deepEqual([alone.skipped, alone.warnings], [{}, []]);
  });
});
