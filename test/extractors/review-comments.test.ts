import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { reviewCommentsExtractor } from "../../extractors/review-comments.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitHubClient } from "../../src/github/client.js";
import { memoryLogger } from "../../src/log.js";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addReviewComment } from "../github/scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() });
const options = (over: Partial<Parameters<typeof reviewCommentsExtractor>[0]> = {}) => ({
  client: createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 }),
  owner: "octocat",
  repo: "Hello-World",
  ...over,
});


describe("review comments extractor", () => {
  before(() => {
    addReviewComment(repo, { id: 10, pull: 1, body: "This loop re-reads the file on every pass; hoist it." });
    addReviewComment(repo, { id: 11, pull: 1, body: "Good catch, done.", inReplyTo: 10, login: "octocat", created: 20 });
    addReviewComment(repo, { id: 12, pull: 2, body: "Name this `retryDelay`.", login: "renovate[bot]" });
  });
  afterEach(() => {
    requests.length = 0;
  });
  after(() => server.close());

  it("maps repository-wide review comments, replies marked", async () => {
    const records = await all(reviewCommentsExtractor(options()).extract(context()));
    assert.deepEqual(records.map((r) => [r.id, r.pullNumber, r.inReplyTo]), [[10, 1, undefined], [11, 1, 10], [12, 2, undefined]]);
    assert.deepEqual(records[0], {
      kind: "review-comment",
      repo: "octocat/Hello-World",
      url: "https://github.com/octocat/Hello-World/pull/1#discussion_r10",
      author: { login: "reviewer", type: "User" },
      createdAt: repo.reviewComments[0]?.created_at,
      id: 10,
      pullNumber: 1,
      path: "src/app.ts",
      diffHunk: "@@ -1,3 +1,3 @@\n const a = 1;\n-const b = 2;\n+const b = 3;",
      body: "This loop re-reads the file on every pass; hoist it.",
      authorAssociation: "MEMBER",
    });
    assert.equal(requests.length, 1);
    assert.ok(requests[0]?.path.startsWith("/repos/octocat/Hello-World/pulls/comments?"));
  });

  it("reads one pull request's comments from its own endpoint", async () => {
    const records = await all(reviewCommentsExtractor(options({ pullNumber: 2 })).extract(context()));
    assert.deepEqual(records.map((r) => r.id), [12]);
    assert.ok(requests[0]?.path.startsWith("/repos/octocat/Hello-World/pulls/2/comments"));
  });

  it("on a rerun asks for comments updated since the watermark, and keeps only newer ones", async () => {
    const watermark = repo.reviewComments[0]?.updated_at as string;
    const records = await all(reviewCommentsExtractor(options({ updatedAfter: watermark })).extract(context()));
    assert.deepEqual(records.map((r) => r.id), [11, 12]);
    const query = new URL(requests[0]?.path ?? "", "https://x").searchParams;
    assert.deepEqual([query.get("sort"), query.get("since")], ["updated", watermark]);
  });

  it("skips bots' comments when asked", async () => {
    const records = await all(reviewCommentsExtractor(options({ includeBots: false })).extract(context()));
    assert.deepEqual(records.map((r) => r.id), [10, 11]);
  });
});
