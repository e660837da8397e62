import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createDiffFilter } from "../../src/diff/filter.js";
import { GitError } from "../../src/errors.js";
import { createGitClient, type LocalRepository } from "../../src/git/client.js";
import { createTempRepo, runGit, type TempRepo } from "../helpers/git-repo.js";

const git = createGitClient();
const limits = { diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000 };

/** Child processes of this test process that are git, running or zombie (Linux only). */
function gitChildren(): string[] {
  if (process.platform !== "linux") return [];
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [, comm = "", rest = ""] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      const [state, ppid] = rest.split(" ");
      if (Number(ppid) === process.pid && comm.startsWith("git")) found.push(`${pid} ${comm} ${state}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function rejectsWith(promise: Promise<unknown>, exitCode: number, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof GitError, String(error));
    assert.equal(error.exitCode, exitCode);
    assert.match(error.message, message);
    assert.ok(!error.message.includes("\n"), "one line");
    return true;
  });
}

/** n commits that each change one file, written with fast-import in one go. */
function linearHistory(n: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) {
    const content = `version ${i}\n${"filler line\n".repeat(20)}`;
    const message = `Change number ${i}\n`;
    parts.push(
      `commit refs/heads/main\nmark :${i}\ncommitter Bot <bot@example.com> ${1_700_000_000 + i * 60} +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}`,
      i > 1 ? `from :${i - 1}\n` : "",
      `M 100644 inline file-${i % 10}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
  }
  return `${parts.join("")}done\n`;
}

describe("git client", () => {
  let repo: TempRepo;
  let local: LocalRepository;
  let shas: string[];

  before(async () => {
    repo = await createTempRepo({ name: "project" });
    await repo.write("a.txt", "a\n");
    await repo.commit("First commit of the project");
    await repo.tag("v1", "HEAD", "Version one");
    await repo.write("a.txt", "a\nb\n");
    await repo.write("copy-source.txt", "some content that will be copied\n".repeat(10));
    await repo.commit("Second commit of the project");
    await repo.write("copy.txt", "some content that will be copied\n".repeat(10));
    await repo.write("copy-source.txt", "some content that will be copied\n".repeat(11));
    await repo.commit("Third commit copies a file");
    shas = (await repo.git(["rev-list", "--reverse", "HEAD"])).split("\n");
    local = await git.open(join(repo.dir, "."));
  });
  after(() => repo.cleanup());

  it("names the repository after its top-level folder, from any directory inside", async () => {
    await repo.write("sub/dir/file.txt", "x\n");
    const inside = await git.open(join(repo.dir, "sub/dir"));
    assert.equal(inside.name, "project");
    assert.equal(inside.root, local.root);
  });

  it("opens a bare repository, named without its .git", async () => {
    const bare = join(repo.dir, "..", "project.git");
    await runGit(repo.dir, ["clone", "-q", "--bare", repo.dir, bare]);
    const opened = await git.open(bare);
    assert.equal(opened.name, "project");
    const revisions = await opened.resolveRevisions(["HEAD"]);
    let count = 0;
    for await (const _ of opened.commits({ ...limits, revisions })) count++;
    assert.equal(count, 3);
  });

  it("refuses what is not a repository with exit 2 and the path", async () => {
    await rejectsWith(git.open("/nonexistent/dir"), 2, /^\/nonexistent\/dir: no such directory$/);
    const plain = await createTempRepo();
    await rm(join(plain.dir, ".git"), { recursive: true });
    await rejectsWith(git.open(plain.dir), 2, /: not a git repository$/);
    await plain.cleanup();
  });

  it("takes a repository's .git folder for its work tree, names a file given as a file, and says when there is no git", async () => {
    const inGitDir = await git.open(join(repo.dir, ".git"));
    assert.equal(inGitDir.root, local.root);
    await rejectsWith(git.open(join(repo.dir, "a.txt")), 2, /a\.txt: is a file; name the repository's folder$/);
    await rejectsWith(createGitClient({ gitBinary: "/nonexistent/bin/git" }).open(repo.dir), 1, /^cannot run git: it is not installed, or not on PATH$/);
  });

  it("refuses a repository without commits with exit 2", async () => {
    const empty = await createTempRepo({ name: "empty" });
    const opened = await git.open(empty.dir);
    await rejectsWith(opened.resolveRevisions(["HEAD"]), 2, /empty: the repository has no commits yet$/);
    await empty.cleanup();
  });

  it("resolves revisions, ranges and tags to commit shas", async () => {
    assert.deepEqual(await local.resolveRevisions(["HEAD"]), { include: [shas[2]], exclude: [] });
    assert.deepEqual(await local.resolveRevisions(["v1..HEAD"]), { include: [shas[2]], exclude: [shas[0]] });
    assert.deepEqual(await local.resolveRevisions(["v1"]), { include: [shas[0]], exclude: [] }, "the tag is peeled");
    assert.deepEqual(await local.resolveRevisions(["--all"]), { include: [shas[2], shas[0]], exclude: [] });
  });

  it("refuses an unknown revision, or an option in its place, with exit 2", async () => {
    await rejectsWith(local.resolveRevisions(["no-such-branch"]), 2, /unknown revision "no-such-branch"$/);
    await rejectsWith(local.resolveRevisions(["--output=/tmp/x"]), 2, /"--output=\/tmp\/x" is not a revision$/);
    await rejectsWith(local.resolveRevisions(["HEAD:a.txt"]), 2, /unknown revision "HEAD:a.txt"$/);
  });

  it("walks nothing when the revisions are only exclusions", async () => {
    const none = [];
    for await (const c of local.commits({ ...limits, revisions: { include: [], exclude: [shas[0]!] } })) none.push(c);
    assert.deepEqual(none, []);
  });

  it("names the remembered shas that are no commit of the repository", async () => {
    const tree = await repo.git(["rev-parse", "HEAD^{tree}"]);
    const gone = "be5bd19f0c3c2d5b2a3e5f6a7b8c9d0e1f2a3b4c";
    assert.deepEqual(await local.missingCommits([shas[0]!, gone, shas[2]!, tree, "HEAD\nv1"]), [gone, tree, "HEAD\nv1"]);
    assert.deepEqual(await local.missingCommits([]), []);
  });

  it("tells a shallow clone's boundary commit from a real root commit", async () => {
    const parent = join(repo.dir, "..");
    const deep = join(parent, "shallow-2");
    const single = join(parent, "shallow-root");
    // file:// because a plain path clones locally and ignores --depth.
    await runGit(parent, ["clone", "-q", "--depth", "2", `file://${repo.dir}`, deep]);
    const shallow = await git.open(deep);
    const walked = [];
    for await (const c of shallow.commits({ ...limits, revisions: await shallow.resolveRevisions(["HEAD"]) })) walked.push(c);
    assert.deepEqual(walked.map((c) => c.sha), [shas[1], shas[2]]);
    assert.deepEqual(walked[0]!.parents, [], "git log shows the boundary as a root");
    assert.equal(await shallow.isShallowBoundary(shas[1]!), true);
    assert.equal(await shallow.isShallowBoundary(shas[2]!), false);
    assert.equal(await local.isShallowBoundary(shas[0]!), false, "a real root in a full clone");
    // A depth-1 clone of a one-commit history lists its real root as shallow too.
    await runGit(parent, ["clone", "-q", "--depth", "1", "--branch", "v1", `file://${repo.dir}`, single]);
    const rootOnly = await git.open(single);
    assert.equal(await rootOnly.isShallowBoundary(shas[0]!), false);
  });

  it("reports copies when asked to", async () => {
    const revisions = await local.resolveRevisions(["HEAD"]);
    const commits = [];
    for await (const c of local.commits({ ...limits, revisions, findCopies: true })) commits.push(c);
    const files = commits.at(-1)!.diff.files;
    assert.deepEqual(
      files.find((f) => f.path === "copy.txt"),
      { path: "copy.txt", oldPath: "copy-source.txt", status: "copied", additions: 0, deletions: 0 },
    );
  });

  it("gives the same patch whatever the repository's config says", async () => {
    const hostile = await createTempRepo({ name: "hostile" });
    await hostile.write("a.txt", "one\n\nthree\n");
    await hostile.commit("Add a file with a blank line");
    await hostile.write("a.txt", "one\n\nthree\nfour\n");
    await hostile.commit("Add a fourth line to the file");
    const numbered = (changed: readonly number[]) =>
      Array.from({ length: 20 }, (_, i) => `line ${i + 1}${changed.includes(i + 1) ? " changed" : ""}\n`).join("");
    await hostile.write("b.txt", numbered([]));
    await hostile.commit("Add a file of twenty lines");
    await hostile.write("b.txt", numbered([2, 12]));
    await hostile.commit("Change two lines nine lines apart");
    const patches = async () => {
      const opened = await git.open(hostile.dir);
      const revisions = await opened.resolveRevisions(["HEAD"]);
      const texts: string[] = [];
      for await (const c of opened.commits({ ...limits, revisions })) texts.push(c.diff.text);
      return texts;
    };
    const plain = await patches();
    for (const [key, value] of [
      ["diff.noprefix", "true"],
      ["diff.suppressBlankEmpty", "true"],
      ["log.showRoot", "false"],
      ["color.ui", "always"],
      ["diff.external", "false"],
      ["log.showSignature", "true"],
      ["core.quotepath", "true"],
      ["i18n.logOutputEncoding", "ISO-8859-1"],
      ["diff.context", "0"],
      ["diff.interHunkContext", "10"],
    ]) {
      await hostile.git(["config", key!, value!]);
    }
    assert.deepEqual(await patches(), plain);
    assert.match(plain[0]!, /^diff --git a\/a.txt b\/a.txt\nnew file mode/);
    assert.ok(plain[1]!.includes("\n \n"), "a blank context line keeps its space");
    assert.match(plain[1]!, /^@@ -1,3 \+1,4 @@\n one\n \n three\n\+four\n$/m, "three lines of context");
    assert.equal(plain[3]!.match(/^@@ /gm)?.length, 2, "hunks apart stay apart");
    await hostile.cleanup();
  });

  it("diffs two revisions like a commit", async () => {
    const diff = await local.diff(shas[0]!, shas[2]!, limits);
    assert.deepEqual(
      diff.files.map((f) => [f.path, f.status]),
      [
        ["a.txt", "modified"],
        ["copy-source.txt", "added"],
        ["copy.txt", "added"],
      ],
    );
    assert.match(diff.text, /^diff --git a\/a.txt b\/a.txt\n/);
  });

  it("fails with exit 1 and git's message when git log fails midway", async () => {
    const broken = await createTempRepo({ name: "broken" });
    await broken.write("f.txt", "will go missing\n");
    await broken.commit("Add a file whose blob will be lost");
    const blob = await broken.git(["rev-parse", "HEAD:f.txt"]);
    await rm(join(broken.dir, ".git/objects", blob.slice(0, 2), blob.slice(2)));
    const opened = await git.open(broken.dir);
    const revisions = await opened.resolveRevisions(["HEAD"]);
    await assert.rejects(
      (async () => {
        for await (const _ of opened.commits({ ...limits, revisions })) void _;
      })(),
      (error: unknown) => error instanceof GitError && error.exitCode === 1 && /git log failed: .+/.test(error.message),
    );
    assert.deepEqual(gitChildren(), []);
    await broken.cleanup();
  });

  describe("on a long history", () => {
    let long: TempRepo;
    let opened: LocalRepository;
    before(async () => {
      long = await createTempRepo({ name: "long" });
      await long.fastImport(linearHistory(3000));
      await runGit(long.dir, ["reset", "-q", "--hard", "main"]);
      opened = await git.open(long.dir);
    });
    after(() => long.cleanup());

    it("stops cleanly when aborted, leaving no git process behind", async () => {
      const controller = new AbortController();
      const revisions = await opened.resolveRevisions(["HEAD"]);
      const seen: string[] = [];
      for await (const commit of opened.commits({ ...limits, revisions, signal: controller.signal })) {
        seen.push(commit.rawMessage);
        if (seen.length === 5) controller.abort();
      }
      assert.deepEqual(seen.slice(0, 5), ["Change number 1\n", "Change number 2\n", "Change number 3\n", "Change number 4\n", "Change number 5\n"]);
      assert.equal(seen.length, 5, "nothing after the abort");
      assert.deepEqual(gitChildren(), []);
    });

    it("kills git when the consumer stops early", async () => {
      const revisions = await opened.resolveRevisions(["HEAD"]);
      let count = 0;
      for await (const _ of opened.commits({ ...limits, revisions })) {
        if (++count === 1 && process.platform === "linux") assert.equal(gitChildren().length, 1, "git log runs");
        if (count === 3) break;
      }
      assert.deepEqual(gitChildren(), []);
    });

    it("yields nothing when aborted before it starts", async () => {
      const revisions = await opened.resolveRevisions(["HEAD"]);
      const seen = [];
      for await (const c of opened.commits({ ...limits, revisions, signal: AbortSignal.abort() })) seen.push(c);
      assert.deepEqual(seen, []);
    });
  });
});
