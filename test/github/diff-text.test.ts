import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createDiffFilter } from "../../src/diff/filter.js";
import { diffFromText } from "../../src/github/diff-text.js";
import { diffTextFromFiles } from "../../src/github/files-diff.js";
import { applyAtParent, createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { diffEntryFixture } from "../helpers/github-mock.js";
import { diffEntriesFromGit } from "./git-entries.js";

const options = { filter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000 };

const SAMPLE = [
  "diff --git a/src/app.ts b/src/app.ts",
  "index 1111111..2222222 100644",
  "--- a/src/app.ts",
  "+++ b/src/app.ts",
  "@@ -1,3 +1,3 @@",
  " const a = 1;",
  "-const b = 2;",
  "+const b = 3;",
  "+++counter;",
  "diff --git a/package-lock.json b/package-lock.json",
  "--- a/package-lock.json",
  "+++ b/package-lock.json",
  "@@ -1 +1 @@",
  "-{}",
  "+{ }",
  "diff --git a/logo.png b/logo.png",
  "index 3333333..4444444 100644",
  "Binary files a/logo.png and b/logo.png differ",
  "diff --git a/old name.txt b/new name.txt",
  "similarity index 100%",
  "rename from old name.txt",
  "rename to new name.txt",
  'diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"',
  "new file mode 100644",
  "--- /dev/null",
  '+++ "b/caf\\303\\251.txt"',
  "@@ -0,0 +1 @@",
  "+hello",
  "diff --git a/gone.txt b/gone.txt",
  "deleted file mode 100644",
  "--- a/gone.txt",
  "+++ /dev/null",
  "@@ -1 +0,0 @@",
  "-bye",
  "",
].join("\n");

describe("diffFromText", () => {
  it("reads paths, statuses and counts, and drops filtered and binary files", () => {
    const diff = diffFromText(SAMPLE, options);
    assert.deepEqual(diff.files, [
      { path: "src/app.ts", status: "modified", additions: 2, deletions: 1 },
      { path: "new name.txt", oldPath: "old name.txt", status: "renamed", additions: 0, deletions: 0 },
      { path: "café.txt", status: "added", additions: 1, deletions: 0 },
      { path: "gone.txt", status: "deleted", additions: 0, deletions: 1 },
    ]);
    assert.deepEqual(diff.dropped, [
      { path: "package-lock.json", reason: "filtered" },
      { path: "logo.png", reason: "binary" },
    ]);
    assert.ok(diff.text.startsWith("diff --git a/src/app.ts"));
    assert.ok(!diff.text.includes("package-lock") && !diff.text.includes("Binary files"));
    assert.equal(diff.lines, diff.text.split("\n").length - 1);
    assert.equal(diff.tooLarge, false);
  });

  it("drops a file whose lines are not UTF-8, keeping the rest valid UTF-8", () => {
    const bytes = Buffer.concat([
      Buffer.from("diff --git a/latin1.txt b/latin1.txt\n--- a/latin1.txt\n+++ b/latin1.txt\n@@ -1 +1 @@\n-caf\n+caf"),
      Buffer.from([0xe9]),
      Buffer.from("\ndiff --git a/ok.txt b/ok.txt\n--- a/ok.txt\n+++ b/ok.txt\n@@ -1 +1 @@\n-a\n+b\n"),
    ]);
    const diff = diffFromText(bytes, options);
    assert.deepEqual(diff.dropped, [{ path: "latin1.txt", reason: "non-utf8" }]);
    assert.deepEqual(diff.files.map((f) => f.path), ["ok.txt"]);
    assert.ok(!diff.text.includes("\uFFFD"));
    assert.ok(Buffer.from(diff.text, "utf8").equals(bytes.subarray(bytes.indexOf("diff --git a/ok.txt"))));
  });

  it("keeps only counts of a diff longer than --max-diff-lines", () => {
    const diff = diffFromText(SAMPLE, { ...options, maxDiffLines: 5 });
    assert.equal(diff.tooLarge, true);
    assert.equal(diff.text, "");
    assert.ok(diff.lines > 5);
    assert.equal(diff.files.length, 4);
  });

  it("keeps only counts of a diff of one line longer than --max-diff-bytes", () => {
    const line = `+${"<path d='M0 0L1 1'/>".repeat(6000)}\n`;
    const bytes = Buffer.from(`diff --git a/icon.svg b/icon.svg\nnew file mode 100644\n--- /dev/null\n+++ b/icon.svg\n@@ -0,0 +1 @@\n${line}`);
    // By default the icon is left out as minified (test/diff/section-content.test.ts): without the default exclusions, only its size stops it.
    const all = { ...options, filter: createDiffFilter({ noDefaultExcludes: true }) };
    const diff = diffFromText(bytes, { ...all, maxDiffBytes: 100_000 });
    assert.equal(diff.tooLarge, true);
    assert.equal(diff.text, "");
    assert.equal(diff.bytes, bytes.length);
    assert.equal(diff.lines, 6);
    assert.equal(diffFromText(bytes, { ...all, maxDiffBytes: bytes.length }).text, bytes.toString("utf8"));
  });

  it("makes an empty Diff of an empty answer", () => {
    assert.deepEqual(diffFromText(new Uint8Array(), options), { text: "", lines: 0, files: [], dropped: [], bytes: 0, tooLarge: false });
  });
});

describe("diff rebuilt from the files API", () => {
  let repo: TempRepo;
  let parent: string;
  let commit: string;
  before(async () => {
    repo = await createTempRepo();
    await repo.writeFiles({
      "a.txt": "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n",
      "old.txt": "moving\nalong\n",
      "edited-move.txt": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
      "del.txt": "gone soon\n",
      "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
      "no-eol.txt": "last line",
    });
    parent = await repo.commit("base");
    await repo.write("a.txt", "one\nTWO\nthree\nfour\nfive\nsix\nseven\nEIGHT\n");
    await repo.rename("old.txt", "docs/new name.txt");
    await repo.rename("edited-move.txt", "moved.txt");
    await repo.write("moved.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n");
    await repo.remove("del.txt");
    await repo.write("added.txt", "brand\nnew\n");
    await repo.write("logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9, 9, 9]));
    await repo.write("no-eol.txt", "last line, changed");
    commit = await repo.commit("change everything");
  });
  after(() => repo.cleanup());

  it("rebuilds headers that git apply accepts, and drops files without a patch", async () => {
    const entries = await diffEntriesFromGit(repo, parent, commit);
    const rebuilt = diffTextFromFiles(entries as never);
    assert.deepEqual(rebuilt.dropped, [{ path: "logo.png", reason: "binary" }]);
    const diff = diffFromText(rebuilt.text, options);
    const applied = await applyAtParent(repo.dir, { sha: commit, parents: [parent] }, diff.text);
    assert.deepEqual(applied.differing, []);
    assert.deepEqual(
      [...applied.changed].sort(),
      ["a.txt", "added.txt", "del.txt", "docs/new name.txt", "edited-move.txt", "moved.txt", "no-eol.txt", "old.txt"],
    );
    assert.deepEqual(
      diff.files.map((f) => `${f.status} ${f.path}`).sort(),
      ["added added.txt", "deleted del.txt", "modified a.txt", "modified no-eol.txt", "renamed docs/new name.txt", "renamed moved.txt"],
    );
  });

  it("quotes a path the way git does", () => {
    const rebuilt = diffTextFromFiles([
      diffEntryFixture({ filename: 'say "hi".txt', status: "added", patch: "@@ -0,0 +1 @@\n+hi", additions: 1 }) as never,
    ]);
    assert.ok(rebuilt.text.startsWith('diff --git "a/say \\"hi\\".txt" "b/say \\"hi\\".txt"\n'));
    assert.deepEqual(diffFromText(rebuilt.text, options).files, [{ path: 'say "hi".txt', status: "added", additions: 1, deletions: 0 }]);
  });
});
