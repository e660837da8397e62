import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { fetchPullRecord, pullsExtractor } from "../../extractors/pulls.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import type { ExtractContext } from "../../src/extractor.js";
import { isBot } from "../../src/github/bots.js";
import { createGitHubClient } from "../../src/github/client.js";
import { createCommitIndex, indexedCommit } from "../../src/github/commit-index.js";
import { createIssueCache } from "../../src/github/issue-cache.js";
import { memoryLogger } from "../../src/log.js";
import type { Diff, PullRecord } from "../../src/records.js";
import { applyAtParent, createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { createMockRepo, DIFF_MEDIA_TYPE, githubHandlers, startGitHubMock, TOO_LARGE, type MockRequest } from "../helpers/github-mock.js";
import { diffEntriesFromGit } from "../github/git-entries.js";
import { addIssue, addPull, diffFor } from "../github/scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const client = () => createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 });
const context = (over: Partial<ExtractContext> = {}) => ({
  diffFilter: createDiffFilter(),
  maxDiffLines: 1000,
  maxDiffBytes: 1_000_000,
  ...over,
  log: memoryLogger(),
});
const options = (over: Partial<Parameters<typeof pullsExtractor>[0]> = {}) => ({ client: client(), owner: "octocat", repo: "Hello-World", ...over });


const SECRET = "AKIAIOSFODNN7EXAMPLE";
let git: TempRepo;
let bigBase: string;
let bigHead: string;

describe("pulls extractor", () => {
  before(async () => {
    // PR 1..4 merged, 5 closed without merging, 6 by dependabot, 7 with an empty body.
    addPull(repo, { number: 1, body: "Adds the widget cache. Fixes #101 and closes octocat/Hello-World#102." });
    addPull(repo, { number: 2, diff: `${diffFor("src/keys.ts", 2)}+const key = "${SECRET}";\n` });
    addPull(repo, { number: 3, diff: Buffer.concat([Buffer.from(diffFor("src/ok.ts", 3)), Buffer.from("diff --git a/latin.txt b/latin.txt\n--- a/latin.txt\n+++ b/latin.txt\n@@ -1 +1 @@\n-a\n+caf"), Buffer.from([0xe9, 0x0a])]) });
    addPull(repo, { number: 4, body: "Large change.", diff: TOO_LARGE });
    addPull(repo, { number: 5, merged: false });
    addPull(repo, { number: 6, login: "dependabot[bot]", title: "Bump lodash from 4.17.20 to 4.17.21" });
    addPull(repo, { number: 7, body: null, squashMessage: "Tidy up (#7)\n\n* tidy\n\nFixes #103" });
    addIssue(repo, { number: 101, title: "Cache misses", body: "The cache misses every time." });
    addIssue(repo, { number: 102, title: "Slow start", body: "Starting takes a minute." });
    addIssue(repo, { number: 103, title: "Messy code", body: "Too messy." });
    // PR 4's files come from a real history, so the rebuilt diff can be applied to it.
    git = await createTempRepo();
    await git.writeFiles({ "big/a.txt": "1\n2\n3\n", "big/b.txt": "x\n", "big/img.bin": Buffer.from([0, 1, 2]) });
    bigBase = await git.commit("base");
    await git.writeFiles({ "big/a.txt": "1\nTWO\n3\n", "big/new.txt": "fresh\n", "big/img.bin": Buffer.from([3, 4, 5]) });
    await git.remove("big/b.txt");
    bigHead = await git.commit("big change");
    repo.pullFiles.set(4, await diffEntriesFromGit(git, bigBase, bigHead));
  });
  afterEach(() => {
    requests.length = 0;
  });
  after(async () => {
    server.close();
    await git.cleanup();
  });

  it("maps merged pull requests, oldest update first, skipping unmerged ones", async () => {
    const records = await all(pullsExtractor(options()).extract(context()));
    assert.deepEqual(records.map((r) => r.number), [1, 2, 3, 4, 6, 7]);
    const first = records[0] as PullRecord;
    const pull = repo.pulls[0]!;
    assert.deepEqual(
      { ...first, diff: undefined },
      {
        kind: "pull",
        repo: "octocat/Hello-World",
        url: "https://github.com/octocat/Hello-World/pull/1",
        author: { login: "octocat", type: "User" },
        createdAt: pull.created_at,
        number: 1,
        title: "Change number 1",
        body: "Adds the widget cache. Fixes #101 and closes octocat/Hello-World#102.",
        authorAssociation: "MEMBER",
        labels: [],
        merged: true,
        mergedAt: pull.merged_at,
        baseRef: "main",
        baseSha: pull.base.sha,
        headSha: pull.head.sha,
        mergeSha: pull.merge_commit_sha,
        closes: [
          { number: 101, title: "Cache misses", body: "The cache misses every time.", url: "https://github.com/octocat/Hello-World/issues/101" },
          { number: 102, title: "Slow start", body: "Starting takes a minute.", url: "https://github.com/octocat/Hello-World/issues/102" },
        ],
        diff: undefined,
      },
    );
    assert.equal(first.diff.text, diffFor("src/feature1.ts", 1));
    const diffRequests = requests.filter((r) => r.accept.includes(DIFF_MEDIA_TYPE));
    assert.equal(diffRequests.length, 6, "one diff request per merged PR, none for the unmerged one");
  });

  it("passes a credential in a diff through untouched (redaction is the pipeline's)", async () => {
    const records = await all(pullsExtractor(options()).extract(context()));
    assert.ok(records.find((r) => r.number === 2)?.diff.text.includes(SECRET));
  });

  it("drops the file with a non-UTF-8 byte and keeps the rest", async () => {
    const record = (await all(pullsExtractor(options()).extract(context()))).find((r) => r.number === 3) as PullRecord;
    assert.deepEqual(record.diff.dropped, [{ path: "latin.txt", reason: "non-utf8" }]);
    assert.deepEqual(record.diff.files.map((f) => f.path), ["src/ok.ts"]);
    assert.doesNotThrow(() => new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(record.diff.text)));
  });

  it("falls back to the files API on 406 too_large, and the rebuilt diff applies", async () => {
    const record = (await all(pullsExtractor(options()).extract(context()))).find((r) => r.number === 4) as PullRecord;
    assert.ok(requests.some((r) => r.path.startsWith("/repos/octocat/Hello-World/pulls/4/files")));
    assert.deepEqual(record.diff.dropped, [{ path: "big/img.bin", reason: "binary" }]);
    const applied = await applyAtParent(git.dir, { sha: bigHead, parents: [bigBase] }, record.diff.text);
    assert.deepEqual(applied.differing, []);
    assert.deepEqual(applied.changed.sort(), ["big/a.txt", "big/b.txt", "big/new.txt"]);
  });

  it("yields bot PRs for the pipeline to judge, or skips them without a request", async () => {
    const bot = (await all(pullsExtractor(options()).extract(context()))).find((r) => r.number === 6) as PullRecord;
    assert.equal(isBot(bot.author), true);
    requests.length = 0;
    const records = await all(pullsExtractor(options({ includeBots: false })).extract(context()));
    assert.ok(!records.some((r) => r.number === 6));
    assert.ok(!requests.some((r) => r.path === "/repos/octocat/Hello-World/pulls/6"));
  });

  it("makes an empty body an empty string, and reads closing keywords in the squash message", async () => {
    const listed = repo.commits.map((c) => indexedCommit(c as never)).reverse();
    const records = await all(pullsExtractor(options({ commits: createCommitIndex(listed) })).extract(context()));
    const seventh = records.find((r) => r.number === 7) as PullRecord;
    assert.equal(seventh.body, "");
    assert.deepEqual(seventh.closes.map((c) => c.number), [103]);
  });

  it("takes closed issues from the cache without requests", async () => {
    const cache = createIssueCache();
    cache.put({ number: 101, title: "Cached", body: "from the list", url: "u" });
    cache.complete = true;
    const records = await all(pullsExtractor(options({ issues: cache })).extract(context()));
    assert.deepEqual(records[0]?.closes.map((c) => c.title), ["Cached"]);
    assert.ok(!requests.some((r) => r.path.includes("/issues/")));
  });

  it("reads a single unmerged pull request, with its own commits' closing keywords", async () => {
    const commit = repo.commits[0]!;
    repo.pullCommits.set(5, [{ ...commit, commit: { ...commit.commit, message: "wip\n\nresolves #102" } }]);
    const record = await fetchPullRecord({ client: client(), owner: "octocat", repo: "Hello-World", number: 5 }, context());
    assert.equal(record?.merged, false);
    assert.equal(record?.mergeSha, undefined);
    assert.equal(record?.mergedAt, undefined);
    assert.deepEqual(record?.closes.map((c) => c.number), [102]);
  });

  it("uses the checkout's diffs and asks the API for none", async () => {
    const ranges: string[] = [];
    const local: Diff = { text: "", lines: 0, files: [], dropped: [], bytes: 0, tooLarge: false };
    const checkoutDiff = async (from: string, to: string) => {
      ranges.push(`${from}...${to}`);
      return local;
    };
    const listed = repo.commits.map((c) => indexedCommit(c as never)).reverse();
    const records = await all(pullsExtractor(options({ checkoutDiff, commits: createCommitIndex(listed) })).extract(context()));
    assert.equal(records.length, 6);
    assert.ok(records.every((r) => r.diff === local));
    assert.ok(!requests.some((r) => r.accept.includes(DIFF_MEDIA_TYPE)));
    // PR 1's squash commit is the root: no parent to diff against, so base...head.
    const [first, second] = repo.pulls as [Record<string, any>, Record<string, any>];
    assert.equal(ranges[0], `${first.base.sha}...${first.head.sha}`);
    const squash = repo.commits.find((c) => c.sha === second.merge_commit_sha)!;
    assert.equal(ranges[1], `${squash.parents[0].sha}...${squash.sha}`);
  });

  it("on a rerun lists newest first and stops at the watermark", async () => {
    const seen: string[] = [];
    const watermark = repo.pulls.find((p) => p.number === 3)!.updated_at;
    const records = await all(pullsExtractor(options({ updatedAfter: watermark, onSeen: (at) => seen.push(at) })).extract(context()));
    assert.deepEqual(records.map((r) => r.number), [4, 6, 7]);
    assert.deepEqual(seen, [...seen].sort());
    assert.ok(requests[0]?.path.includes("direction=desc"));
  });

  it("skips a pull request whose diff GitHub no longer has, with a warning", async () => {
    repo.pullDiffs.delete(2);
    try {
      const ctx = context();
      const records = await all(pullsExtractor(options()).extract(ctx));
      assert.ok(!records.some((r) => r.number === 2));
      assert.ok(ctx.log.lines.some((line) => line.startsWith("warning: octocat/Hello-World#2: GitHub has no diff")));
    } finally {
      repo.pullDiffs.set(2, diffFor("src/keys.ts", 2));
    }
  });
});
