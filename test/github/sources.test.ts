import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitHubClient } from "../../src/github/client.js";
import { createMemoryEtagStore } from "../../src/github/etag-store.js";
import { pullRequestSources, repoSources } from "../../src/github/sources.js";
import { memoryLogger } from "../../src/log.js";
import { SOURCE_KINDS, type SourceKind } from "../../src/records.js";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue, addPull, addReviewComment, pushCommit } from "./scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, log: memoryLogger() });
const client = () => createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 });


after(() => server.close());

describe("repoSources", () => {
  before(() => {
    pushCommit(repo, { seed: "root", message: "Initial commit", minute: 1 });
    for (let number = 1; number <= 12; number++) {
      addIssue(repo, { number: 100 + number, created: number * 10 - 3, comments: [["maintainer", "MEMBER", `Answer ${number}`]] });
      addPull(repo, { number, body: `Implements part ${number}. Fixes #${100 + number}` });
      addReviewComment(repo, { id: number, pull: number, body: `Consider renaming in part ${number}.` });
    }
  });
  afterEach(() => {
    requests.length = 0;
  });

  it("yields every kind, takes closed issues from the listing, and costs a few requests beyond the diffs", async () => {
    const records = await all(repoSources({ client: client(), owner: "octocat", repo: "Hello-World", kinds: SOURCE_KINDS }, context()));
    const count = (kind: SourceKind) => records.filter((r) => r.kind === kind).length;
    assert.deepEqual([count("issue"), count("pull"), count("review-comment"), count("commit")], [12, 12, 12, 13]);
    const pulls = records.filter((r) => r.kind === "pull");
    assert.ok(pulls.every((p) => p.closes.length === 1 && p.closes[0]?.title.startsWith("Problem number")));
    // 1 commit list + 2 issue lists + 1 PR list + 12 PR diffs + 1 review comments + 1 root commit diff.
    assert.equal(requests.length, 18);
  });

  it("costs at most 5 requests on an unchanged rerun, and only 304s after that", async () => {
    const etags = createMemoryEtagStore();
    const newest: Partial<Record<SourceKind, string>> = {};
    const onSeen = (kind: SourceKind, at: string) => {
      if (!newest[kind] || at > (newest[kind] as string)) newest[kind] = at;
    };
    const run = (updatedAfter?: Partial<Record<SourceKind, string>>) =>
      all(repoSources({ client: client(), owner: "octocat", repo: "Hello-World", kinds: SOURCE_KINDS, etags, updatedAfter, onSeen }, context()));
    await run();
    requests.length = 0;
    assert.deepEqual(await run({ ...newest }), []);
    assert.ok(requests.length <= 5, `${requests.length} requests`);
    requests.length = 0;
    assert.deepEqual(await run({ ...newest }), []);
    assert.ok(requests.length <= 5);
    assert.deepEqual(requests.map((r) => r.status), requests.map(() => 304));
  });

  it("picks up what changed since the watermark", async () => {
    const etags = createMemoryEtagStore();
    let watermark = "";
    const onSeen = (_kind: SourceKind, at: string) => {
      if (at > watermark) watermark = at;
    };
    const run = () =>
      all(repoSources({ client: client(), owner: "octocat", repo: "Hello-World", kinds: SOURCE_KINDS, etags, updatedAfter: watermark || undefined, onSeen }, context()));
    await run();
    addIssue(repo, { number: 200, created: 1000, comments: [["maintainer", "OWNER", "Answered late."]] });
    addPull(repo, { number: 13, created: 1010, body: "Fixes #200" });
    requests.length = 0;
    const records = await run();
    assert.deepEqual(records.map((r) => `${r.kind}:${r.kind === "commit" ? r.sha.slice(0, 7) : r.kind === "review-comment" ? r.id : r.number}`).slice(0, 2), ["issue:200", "pull:13"]);
    assert.equal(records.find((r) => r.kind === "pull")?.closes[0]?.title, "Problem number 200");
    assert.equal(records.filter((r) => r.kind === "commit").length, 1);
    assert.ok(requests.length <= 8, `${requests.length} requests`);
  });
});

describe("pullRequestSources", () => {
  it("yields the pull request and its review comments", async () => {
    const records = await all(pullRequestSources({ client: client(), owner: "octocat", repo: "Hello-World", number: 3 }, context()));
    assert.deepEqual(records.map((r) => r.kind), ["pull", "review-comment"]);
    assert.equal(records[0]?.kind === "pull" && records[0].closes[0]?.number, 103);
  });

  it("fails with exit 2 for a pull request that does not exist", async () => {
    await assert.rejects(all(pullRequestSources({ client: client(), owner: "octocat", repo: "Hello-World", number: 999 }, context())), {
      name: "GitHubError",
      exitCode: 2,
      message: "octocat/Hello-World#999: not found, or the token cannot see it",
    });
  });
});
