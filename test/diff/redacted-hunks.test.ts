import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { keepApplicable } from "../../src/diff/redacted-hunks.js";
import { createRedactor } from "../../src/redact.js";
import { applyAtParent, createTempRepo, type TempRepo } from "../helpers/git-repo.js";

// Each case: a file of numbered lines, some holding an e-mail address, and the lines a commit
// changes. Its diff is redacted, kept applicable, then applied with git at the parent.
const email = (n: number) => `line ${n}: ask dev${n}@acme-corp.io`;
const numbered = (count: number, emails: readonly number[]) =>
  Array.from({ length: count }, (_, i) => (emails.includes(i + 1) ? email(i + 1) : `  line ${i + 1}`));

interface Case {
  file: string;
  lines: string[];
  change: (lines: string[]) => string[];
  /** Without a final line feed. */
  noEol?: boolean;
}

const replace = (at: readonly number[]) => (lines: string[]) => lines.map((l, i) => (at.includes(i + 1) ? `${l} (changed)` : l));

const CASES: Record<string, Case> = {
  leading: { file: "leading.txt", lines: numbered(30, [8]), change: replace([10]) },
  trailing: { file: "trailing.txt", lines: numbered(30, [12]), change: replace([10]) },
  between: { file: "between.txt", lines: numbered(30, [12]), change: replace([10, 15]) },
  "right below": { file: "below.txt", lines: numbered(30, [11]), change: replace([10]) },
  removed: { file: "removed.txt", lines: numbered(30, [10]), change: replace([10]) },
  "last line": { file: "eol.txt", lines: numbered(30, [30]), change: replace([28]), noEol: true },
  "both sides": { file: "both.txt", lines: numbered(30, [8, 12]), change: replace([10]) },
  // git puts the nearest line above a hunk that starts with a letter in its header.
  header: {
    file: "header.txt",
    lines: ["owner: ops@acme-corp.io", ...numbered(20, []), "  end"],
    change: (l) => l.map((x, i) => (i === 15 ? `${x} (changed)` : x)),
  },
};

describe("keepApplicable: redacted lines of a diff", () => {
  const redactor = createRedactor();
  let repo: TempRepo;
  const commits: Record<string, { sha: string; parents: string[]; diff: string }> = {};

  before(async () => {
    repo = await createTempRepo();
    const text = (c: Case, lines: string[]) => lines.join("\n") + (c.noEol ? "" : "\n");
    for (const c of Object.values(CASES)) await repo.write(c.file, text(c, c.lines));
    const base = await repo.commit("Add the files");
    for (const [name, c] of Object.entries(CASES)) {
      await repo.write(c.file, text(c, c.change([...c.lines])));
      const sha = await repo.commit(`Change ${name}`);
      commits[name] = { sha, parents: [name === "leading" ? base : (await repo.revParse(`${sha}^`))], diff: await repo.git(["show", "--format=", sha]) + "\n" };
    }
  });
  after(() => repo.cleanup());

  const keep = (name: string) => {
    const { diff } = commits[name]!;
    const redacted = redactor.redact(diff).text;
    assert.notEqual(redacted, diff, `${name}: nothing was redacted`);
    return { diff, redacted, kept: keepApplicable(diff, redacted) };
  };

  for (const name of ["leading", "trailing", "between", "last line", "both sides", "header"]) {
    it(`cuts a redacted unchanged line out of its hunk so the diff applies (${name})`, async () => {
      const { redacted, kept } = keep(name);
      assert.ok(kept.ok, kept.ok ? "" : kept.reason);
      // As redacted, git apply refuses it (but for a header's text, which it ignores); as kept,
      // it applies and gives the commit's file.
      const commit = commits[name]!;
      if (name !== "header") await assert.rejects(applyAtParent(repo.dir, commit, redacted), /patch does not apply|patch failed/);
      const applied = await applyAtParent(repo.dir, commit, kept.text);
      assert.deepEqual(applied, { changed: [CASES[name]!.file], differing: [] });
      assert.ok(!kept.text.includes("@acme-corp.io"));
    });
  }

  it("splits a hunk around a redacted line between two changes, and drops only the header's text", () => {
    const between = keep("between").kept;
    assert.ok(between.ok);
    assert.deepEqual(between.text.split("\n").filter((l) => l.startsWith("@@")), ["@@ -7,5 +7,5 @@", "@@ -13,6 +13,6 @@"]);
    const header = keep("header");
    assert.ok(header.kept.ok);
    assert.match(header.redacted, /^@@ -13,7 \+13,7 @@ owner: <REDACTED:email>$/m);
    assert.match(header.kept.text, /^@@ -13,7 \+13,7 @@$/m);
  });

  it("gives up, with a reason, where no cut can keep the hunk applicable", () => {
    const below = keep("right below").kept;
    assert.deepEqual(below, {
      ok: false,
      reason: "an e-mail address on an unchanged line of below.txt, right below a change, was redacted, so the diff would not apply",
    });
    const removed = keep("removed").kept;
    assert.deepEqual(removed, { ok: false, reason: "an e-mail address on a removed line of removed.txt was redacted, so the diff would not apply" });
  });

  it("leaves a diff whose rewritten lines are added ones, or text around the diff, as it was", () => {
    const diff = "Here is the change:\nby dev@acme-corp.io\ndiff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,3 @@\n one\n+two dev@acme-corp.io\n three\n";
    const redacted = redactor.redact(diff).text;
    assert.deepEqual(keepApplicable(diff, redacted), { ok: true, text: redacted, omitted: [] });
    const path = diff.replace("diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt", "diff --git a/x@acme-corp.io b/x@acme-corp.io\n--- a/x@acme-corp.io\n+++ b/x@acme-corp.io");
    const kept = keepApplicable(path, redactor.redact(path).text);
    assert.deepEqual(kept, { ok: false, reason: "an e-mail address in the header of <REDACTED:email> was redacted, so the diff would not apply" });
  });
});

describe("keepApplicable: a diff of several files, some of which cannot be kept applicable", () => {
  const redactor = createRedactor();
  let repo: TempRepo;
  let commit: { sha: string; parents: string[] };
  let diff: string;
  // below.txt: an address right below a change; removed.txt: one on a removed line; lead.txt:
  // one in the leading context, which is cut; keep.txt: none.
  const files = { "below.txt": [11], "keep.txt": [], "lead.txt": [8], "removed.txt": [10] } as Record<string, number[]>;

  before(async () => {
    repo = await createTempRepo();
    for (const [file, emails] of Object.entries(files)) await repo.write(file, `${numbered(30, emails).join("\n")}\n`);
    const parent = await repo.commit("Add the files");
    for (const [file, emails] of Object.entries(files)) await repo.write(file, `${replace([10])(numbered(30, emails)).join("\n")}\n`);
    commit = { sha: await repo.commit("Change line 10 of every file"), parents: [parent] };
    diff = `${await repo.git(["show", "--format=", commit.sha])}\n`;
  });
  after(() => repo.cleanup());

  it("leaves out only the files that cannot apply, saying where they were, and keeps a diff that applies", async () => {
    const kept = keepApplicable(diff, redactor.redact(diff).text);
    assert.ok(kept.ok);
    assert.deepEqual(kept.omitted.map((o) => [o.path, o.reason]), [
      ["below.txt", "an e-mail address on an unchanged line of below.txt, right below a change, was redacted, so the diff would not apply"],
      ["removed.txt", "an e-mail address on a removed line of removed.txt was redacted, so the diff would not apply"],
    ]);
    for (const o of kept.omitted) assert.match(diff.slice(o.start, o.end), new RegExp(`^diff --git a/${o.path} [^]*\n$`));
    assert.equal(diff.slice(kept.omitted[0]!.end).startsWith("diff --git a/keep.txt "), true);
    assert.deepEqual(await applyAtParent(repo.dir, commit, kept.text), { changed: ["keep.txt", "lead.txt"], differing: [] });
    assert.ok(!kept.text.includes("below.txt") && !kept.text.includes("removed.txt") && !kept.text.includes("REDACTED"));
  });

  it("gives up, with the first file's reason, when no file can be kept", () => {
    const sections = diff.split(/(?=^diff --git )/m);
    const unkeepable = sections.filter((s) => /^diff --git a\/(?:below|removed)\.txt /.test(s)).join("");
    assert.deepEqual(keepApplicable(unkeepable, redactor.redact(unkeepable).text), {
      ok: false,
      reason: "an e-mail address on an unchanged line of below.txt, right below a change, was redacted, so the diff would not apply",
    });
  });
});
