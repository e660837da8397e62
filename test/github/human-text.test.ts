// Texts people typed in a browser come from the API with CRLF line ends: every one of them
// reaches the records with LF only; a diff keeps its carriage returns.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { githubCommitsExtractor } from "../../extractors/github-commits.js";
import { issuesExtractor } from "../../extractors/issues.js";
import { pullsExtractor } from "../../extractors/pulls.js";
import { reviewCommentsExtractor } from "../../extractors/review-comments.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitHubClient } from "../../src/github/client.js";
import { createIssueCache } from "../../src/github/issue-cache.js";
import { memoryLogger } from "../../src/log.js";
import { createMockRepo, githubHandlers, startGitHubMock } from "../helpers/github-mock.js";
import { all } from "../helpers/streams.js";
import { addIssue, addPull, addReviewComment, diffFor } from "./scenario.js";

const repo = createMockRepo();
const server = startGitHubMock(...githubHandlers(repo));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() });
const options = () => ({ client: createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 }), owner: "octocat", repo: "Hello-World" });
const CRLF_DIFF = `${diffFor("src/win.ts", 1).replace("+export const value = 1 + 1;\n", "+export const value = 1 + 1;\r\n")}`;

describe("texts from the API", () => {
  before(() => {
    addIssue(repo, {
      number: 1,
      title: "Crash on start",
      body: "Steps:\r\n\r\n1. start\r\n2. crash\r\n",
      comments: [["maintainer", "MEMBER", "Fixed on main:\r\n\r\nupdate to 2.1.\r\n"]],
    });
    addPull(repo, {
      number: 2,
      body: "Starts without crashing.\r\n\r\nFixes #1\r\n",
      diff: CRLF_DIFF,
      squashMessage: "Start without crashing (#2)\r\n\r\n* guard the config\r\n\r\nCo-authored-by: Bo <bo@example.com>\r\n",
    });
    addReviewComment(repo, { id: 30, pull: 2, body: "Could this guard\r\nlive in the loader?\r\n" });
    // Written with an AI assistant: its footer in the body and in the squash commit.
    addPull(repo, {
      number: 4,
      body: "Reads the config once.\r\n\r\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\n",
      squashMessage:
        "Read the config once (#4)\r\n\r\n* Read the config once\r\n\r\n* lint\r\n\r\nFixes #3\r\n\r\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\n\r\nCo-Authored-By: Claude <noreply@anthropic.com>\r\n",
    });
  });
  after(() => server.close());

  it("read issue bodies and maintainers' answers with LF line ends", async () => {
    const [issue] = await all(issuesExtractor(options()).extract(context()));
    assert.equal(issue?.body, "Steps:\n\n1. start\n2. crash\n");
    assert.equal(issue?.answer?.body, "Fixed on main:\n\nupdate to 2.1.\n");
  });

  it("read pull request bodies, and the issues they close, with LF line ends, and keep the diff's CRs", async () => {
    const cache = createIssueCache();
    await all(issuesExtractor({ ...options(), cache }).extract(context()));
    const [pull] = await all(pullsExtractor({ ...options(), issues: cache }).extract(context()));
    assert.equal(pull?.body, "Starts without crashing.\n\nFixes #1\n");
    assert.equal(pull?.closes[0]?.body, "Steps:\n\n1. start\n2. crash\n");
    assert.equal(pull?.diff.text, CRLF_DIFF);
  });

  it("read review comments with LF line ends", async () => {
    const [comment] = await all(reviewCommentsExtractor(options()).extract(context()));
    assert.equal(comment?.body, "Could this guard\nlive in the loader?\n");
  });

  it("read pull request bodies and squash commits without an assistant's footer, the commit as `local` reads it", async () => {
    const pull = (await all(pullsExtractor(options()).extract(context()))).find((p) => p.number === 4);
    assert.equal(pull?.body, "Reads the config once.");
    const commit = (await all(githubCommitsExtractor(options()).extract(context()))).find((c) => c.sha === pull?.mergeSha);
    assert.equal(commit?.message, "Read the config once");
    assert.equal(commit?.trailers, "Co-Authored-By: Claude <noreply@anthropic.com>");
  });

  it("read a squash commit's message with LF line ends and without its trailers", async () => {
    const [commit] = await all(githubCommitsExtractor(options()).extract(context()));
    assert.equal(commit?.message, "Start without crashing\n\n* guard the config");
    assert.equal(commit?.trailers, "Co-authored-by: Bo <bo@example.com>");
  });
});
