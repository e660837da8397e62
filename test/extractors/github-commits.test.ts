import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { githubCommitsExtractor } from "../../extractors/github-commits.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitHubClient } from "../../src/github/client.js";
import { repoSources } from "../../src/github/sources.js";
import { memoryLogger } from "../../src/log.js";
import type { CommitRecord, Diff } from "../../src/records.js";
import {
  at,
  commitFixture,
  createMockRepo,
  DIFF_MEDIA_TYPE,
  diffEntryFixture,
  githubHandlers,
  sha,
  startGitHubMock,
  TOO_LARGE,
  type MockRequest,
} from "../helpers/github-mock.js";
import { addPull, diffFor, pushCommit } from "../github/scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() });
const client = () => createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 });
const options = (over: Partial<Parameters<typeof githubCommitsExtractor>[0]> = {}) => ({ client: client(), owner: "octocat", repo: "Hello-World", ...over });
const diffRequests = () => requests.filter((r) => r.accept.includes(DIFF_MEDIA_TYPE)).map((r) => r.path);


after(() => server.close());

let root: Record<string, any>;
let branchWork: Record<string, any>;

describe("commits extractor (API)", () => {
  before(() => {
    root = pushCommit(repo, { seed: "root", message: "Initial commit", minute: 1 });
    addPull(repo, { number: 1, title: "Add the widget cache" });
    pushCommit(repo, { seed: "typo", message: "Fix typo in README\n\nIt said 'teh'.\n", minute: 16, login: null, name: "Ada", email: "ada@example.com" });
    branchWork = commitFixture({ sha: sha("branch"), message: "WIP on a branch", parents: [repo.commits.at(-1)?.sha], minute: 17 });
    repo.commits.push(branchWork);
    repo.commitDiffs.set(branchWork.sha, diffFor("src/branch.ts", 17));
    pushCommit(repo, { seed: "merge", message: "Merge pull request #2 from x/y", minute: 18, extraParents: [branchWork.sha] });
    pushCommit(repo, { seed: "bump", message: "Bump lodash", minute: 19, login: "dependabot[bot]", name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" });
  });
  afterEach(() => {
    requests.length = 0;
  });

  it("yields every commit the branch reaches oldest first, merged-in branch commits included, merges skipped", async () => {
    const records = await all(githubCommitsExtractor(options()).extract(context()));
    assert.deepEqual(records.map((r) => r.subject), ["Initial commit", "Add the widget cache", "Fix typo in README", "WIP on a branch", "Bump lodash"]);
    const typo = records[2] as CommitRecord;
    assert.equal(typo.body, "It said 'teh'.");
    // As a local commit's: the trailing line feed is not part of the message.
    assert.equal(typo.message, "Fix typo in README\n\nIt said 'teh'.");
    assert.deepEqual(typo.author, { name: "Ada", email: "ada@example.com" });
    assert.equal(typo.url, `https://github.com/octocat/Hello-World/commit/${sha("typo")}`);
    assert.equal(typo.diff.files[0]?.path, "src/typo.ts");
    assert.equal(diffRequests().length, 5);
    assert.ok(!diffRequests().some((path) => path.endsWith(sha("merge"))));
    assert.deepEqual(records[0]?.parents, []);
  });

  it("skips bots' commits without asking for their diff when asked", async () => {
    const records = await all(githubCommitsExtractor(options({ includeBots: false })).extract(context()));
    assert.ok(!records.some((r) => r.subject === "Bump lodash"));
    assert.ok(!diffRequests().some((path) => path.endsWith(sha("bump"))));
  });

  it("reuses a squash-merged pull request's diff for its commit", async () => {
    const records = await all(repoSources({ client: client(), owner: "octocat", repo: "Hello-World", kinds: ["pull", "commit"] }, context()));
    const pull = records.find((r) => r.kind === "pull");
    const squash = records.find((r): r is CommitRecord => r.kind === "commit" && r.sha === sha("squash1"));
    assert.ok(pull?.kind === "pull" && squash);
    assert.equal(squash.diff, pull.diff);
    assert.deepEqual(diffRequests().sort(), [
      "/repos/octocat/Hello-World/commits/" + sha("branch"),
      "/repos/octocat/Hello-World/commits/" + sha("bump"),
      "/repos/octocat/Hello-World/commits/" + sha("root"),
      "/repos/octocat/Hello-World/commits/" + sha("typo"),
      "/repos/octocat/Hello-World/pulls/1",
    ].sort());
  });

  it("rebuilds a commit's diff from its files when GitHub finds it too large", async () => {
    const typo = sha("typo");
    repo.commitDiffs.set(typo, TOO_LARGE);
    repo.commitFiles.set(typo, [
      diffEntryFixture({ filename: "README.md", status: "modified", patch: "@@ -1 +1 @@\n-teh\n+the", additions: 1, deletions: 1 }),
    ]);
    const records = await all(githubCommitsExtractor(options()).extract(context()));
    const record = records.find((r) => r.sha === typo);
    assert.equal(record?.diff.text, "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-teh\n+the\n");
    assert.ok(requests.some((r) => r.path.startsWith(`/repos/octocat/Hello-World/commits/${typo}?`) && !r.accept.includes("diff")));
  });

  it("computes diffs in the checkout, the root against the empty tree", async () => {
    const ranges: string[] = [];
    const local: Diff = { text: "", lines: 0, files: [], dropped: [], bytes: 0, tooLarge: false };
    const checkoutDiff = async (from: string, to: string) => {
      ranges.push(`${from}..${to}`);
      return local;
    };
    const records = await all(githubCommitsExtractor(options({ checkoutDiff })).extract(context()));
    assert.equal(records.length, 5);
    assert.deepEqual(diffRequests(), []);
    assert.equal(ranges[0], `4b825dc642cb6eb9a060e54bf8d69288fbee4904..${root.sha}`);
  });
});

describe("commits extractor (API), incremental run", () => {
  const merges = createMockRepo("octocat", "Merges");
  const compareRequests = () => requests.filter((r) => r.path.includes("/compare/")).map((r) => r.path.split("?")[0]);
  before(() => {
    server.use(...githubHandlers(merges, { log: requests }));
    const branchCommit = (seed: string, message: string, parent: string, minute: number) => {
      const commit = commitFixture({ sha: sha(seed), message, parents: [parent], minute, repo: "octocat/Merges" });
      merges.commits.push(commit);
      merges.commitDiffs.set(commit.sha, diffFor(`src/${seed}.ts`, minute));
      return commit;
    };
    const root = pushCommit(merges, { seed: "m-root", message: "Initial commit", minute: 1 });
    // Made before the last run's watermark (minute 3), merged after it.
    const parse = branchCommit("m-parse", "Parse the config file", root.sha, 2);
    const main = pushCommit(merges, { seed: "m-main", message: "Update the changelog", minute: 3 });
    const docs = branchCommit("m-docs", "Document the config file", parse.sha, 4);
    pushCommit(merges, { seed: "m-merge1", message: "Merge pull request #7 from x/config", minute: 5, extraParents: [docs.sha] });
    // Forked after the watermark: the listing holds all of it.
    const late = branchCommit("m-late", "Load the config at startup", main.sha, 6);
    pushCommit(merges, { seed: "m-merge2", message: "Merge pull request #8 from x/startup", minute: 7, extraParents: [late.sha] });
  });
  afterEach(() => {
    requests.length = 0;
  });
  after(() => server.resetHandlers());

  it("takes the commits a new merge brought in even when they are older than the watermark", async () => {
    const extractor = githubCommitsExtractor(options({ repo: "Merges", updatedAfter: at(3) }));
    const records = await all(extractor.extract(context()));
    assert.deepEqual(records.map((r) => r.subject), ["Document the config file", "Parse the config file", "Load the config at startup"]);
    // One compare, for the merge whose branch the listing does not hold entirely.
    assert.deepEqual(compareRequests(), [`/repos/octocat/Merges/compare/${sha("m-main")}...${sha("m-docs")}`]);
  });

  it("asks nothing more on a first run, where the listing holds every merged commit", async () => {
    const records = await all(githubCommitsExtractor(options({ repo: "Merges" })).extract(context()));
    assert.equal(records.length, 5);
    assert.deepEqual(compareRequests(), []);
  });
});
