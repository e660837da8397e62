// The repository-wide comment list is read only as far as the issues handled need: a run
// that stops after a few records (--limit) must not list every comment of a large repository
// first (unauthenticated, 60 requests an hour).
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { issuesExtractor } from "../../extractors/issues.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitHubClient } from "../../src/github/client.js";
import { memoryLogger } from "../../src/log.js";
import type { IssueRecord } from "../../src/records.js";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue } from "../github/scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() });
const extractor = () =>
  issuesExtractor({ client: createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 }), owner: "octocat", repo: "Hello-World" });
const commentPages = () => requests.filter((r) => r.path.startsWith("/repos/octocat/Hello-World/issues/comments")).length;

describe("issue comments, read as far as needed", () => {
  before(() => {
    addIssue(repo, { number: 1, created: 10, comments: [["maintainer", "MEMBER", "Set `retries: 0` to turn retrying off."]] });
    // Later issues with 350 comments between them: four pages of the repository-wide list.
    for (let n = 2; n <= 8; n++) {
      const chatter = Array.from({ length: 49 }, (_, i) => ["someone", "NONE", `Same here on version ${n}.${i}.`] as [string, string, string]);
      addIssue(repo, { number: n, created: n * 100, comments: [...chatter, ["maintainer", "MEMBER", `Fixed in ${n}.0: the cache is cleared on reload.`]] });
    }
  });
  afterEach(() => {
    requests.length = 0;
  });
  after(() => server.close());

  it("answers the first issue from the first page of comments and stops there when the run does", async () => {
    for await (const record of extractor().extract(context())) {
      assert.equal((record as IssueRecord).answer?.body, "Set `retries: 0` to turn retrying off.");
      break;
    }
    assert.equal(commentPages(), 1);
  });

  it("still answers every issue of a whole run, each comment page read once", async () => {
    const records = (await all(extractor().extract(context()))) as IssueRecord[];
    assert.deepEqual(
      records.map((r) => r.answer?.body.slice(0, 10)),
      ["Set `retri", ...Array.from({ length: 7 }, (_, i) => `Fixed in ${i + 2}`)],
    );
    assert.equal(commentPages(), 4);
  });
});
