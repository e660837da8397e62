import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { issuesExtractor } from "../../extractors/issues.js";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitHubClient } from "../../src/github/client.js";
import { createIssueCache } from "../../src/github/issue-cache.js";
import { memoryLogger } from "../../src/log.js";
import type { IssueRecord } from "../../src/records.js";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue, addPull } from "../github/scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() });
const options = (over: Partial<Parameters<typeof issuesExtractor>[0]> = {}) => ({
  client: createGitHubClient({ token: "t0ken", log: memoryLogger(), delayScale: 1 }),
  owner: "octocat",
  repo: "Hello-World",
  ...over,
});


const BODY = "Crashes on start.\n\n```js\nstart({ fast: true });\n```\n\nAlso:\n\n~~~\n$ npm start\n~~~\n";

describe("issues extractor", () => {
  before(() => {
    addIssue(repo, {
      number: 1,
      body: BODY,
      login: "reporter",
      comments: [
        ["someone", "NONE", "Same here!"],
        ["maintainer", "MEMBER", "Pass `fast: false` until 2.1 ships."],
        ["owner", "OWNER", "Fixed in 2.1."],
      ],
    });
    addIssue(repo, { number: 2, comments: [["helper", "CONTRIBUTOR", "Try restarting it."], ["other", "NONE", "Worked for me."]] });
    addIssue(repo, {
      number: 3,
      login: "maintainer",
      comments: [
        ["maintainer", "MEMBER", "More details: it only happens on Windows."],
        ["github-actions[bot]", "MEMBER", "This issue is stale."],
        ["colleague", "COLLABORATOR", "Windows paths need escaping; see the docs."],
      ],
    });
    addIssue(repo, { number: 4, state: "open", comments: [["maintainer", "MEMBER", "Looking into it."]] });
    addPull(repo, { number: 5 });
    addIssue(repo, { number: 6, login: "renovate[bot]", title: "Dependency Dashboard" });
    addIssue(repo, {
      number: 7,
      comments: [
        ["alice", "MEMBER", "thanks"],
        ["bob", "OWNER", "Can you share your version?"],
        ["alice", "MEMBER", "Icons are generated from SVG path data at build time in 0.3, so they stay sharp."],
        ["carol", "COLLABORATOR", "Confirmed on 0.3 too."],
      ],
    });
  });
  afterEach(() => {
    requests.length = 0;
  });
  after(() => server.close());

  it("yields closed issues without the pull requests the endpoint also lists", async () => {
    const records = await all(issuesExtractor(options()).extract(context()));
    assert.deepEqual(records.map((r) => r.number), [1, 2, 3, 6, 7]);
    const first = records[0] as IssueRecord;
    assert.equal(first.kind, "issue");
    assert.equal(first.url, "https://github.com/octocat/Hello-World/issues/1");
    assert.equal(first.body, BODY);
    assert.equal(first.code, "```js\nstart({ fast: true });\n```\n\n~~~\n$ npm start\n~~~");
    assert.deepEqual(first.labels, ["bug"]);
    assert.equal(first.closedAt, repo.issues[0]?.closed_at);
  });

  it("answers with the first maintainer's comment", async () => {
    const first = (await all(issuesExtractor(options()).extract(context())))[0] as IssueRecord;
    assert.deepEqual(first.answer, {
      body: "Pass `fast: false` until 2.1 ships.",
      author: { login: "maintainer", type: "User" },
      authorAssociation: "MEMBER",
      url: "https://github.com/octocat/Hello-World/issues/1#issuecomment-101",
    });
  });

  it("answers with the first maintainer comment that answers something, past a thanks and a triage question", async () => {
    const seventh = (await all(issuesExtractor(options()).extract(context()))).find((r) => r.number === 7);
    assert.equal(seventh?.answer?.body, "Icons are generated from SVG path data at build time in 0.3, so they stay sharp.");
  });

  it("has no answer for an issue answered only by non-members", async () => {
    const second = (await all(issuesExtractor(options()).extract(context()))).find((r) => r.number === 2);
    assert.equal(second?.answer, undefined);
  });

  it("skips the author's own follow-up and bots when choosing the answer", async () => {
    const third = (await all(issuesExtractor(options()).extract(context()))).find((r) => r.number === 3);
    assert.equal(third?.answer?.author.login, "colleague");
  });

  it("reads comments through the repository-wide endpoint, not one request per issue", async () => {
    await all(issuesExtractor(options()).extract(context()));
    const paths = requests.map((r) => r.path.split("?")[0]).sort();
    assert.deepEqual(paths, ["/repos/octocat/Hello-World/issues", "/repos/octocat/Hello-World/issues/comments"]);
  });

  it("skips bots' issues before the pipeline when asked", async () => {
    const records = await all(issuesExtractor(options({ includeBots: false })).extract(context()));
    assert.ok(!records.some((r) => r.number === 6));
  });

  it("fills the issue cache for the pulls extractor", async () => {
    const cache = createIssueCache();
    await all(issuesExtractor(options({ cache })).extract(context()));
    assert.equal(cache.complete, true);
    assert.equal(cache.get(2)?.title, "Problem number 2");
    assert.equal(cache.get(5), undefined, "a pull request is not an issue");
  });

  it("leaves the issue cache incomplete after a listing filtered by --since or a watermark", async () => {
    const since = new Date(repo.issues.find((i) => i.number === 2)?.updated_at as string);
    const bySince = createIssueCache();
    await all(issuesExtractor(options({ cache: bySince })).extract({ ...context(), since }));
    assert.equal(bySince.complete, false);
    const byWatermark = createIssueCache();
    await all(issuesExtractor(options({ cache: byWatermark, updatedAfter: since.toISOString() })).extract(context()));
    assert.equal(byWatermark.complete, false);
  });

  it("on a rerun handles only issues updated since, finding answers older than the watermark", async () => {
    const watermark = repo.issues.find((i) => i.number === 2)?.updated_at as string;
    const third = repo.issues.find((i) => i.number === 3);
    const saved = third?.updated_at;
    if (third) third.updated_at = "2024-02-01T00:00:00Z";
    try {
      const records = await all(issuesExtractor(options({ updatedAfter: watermark })).extract(context()));
      assert.deepEqual(records.map((r) => r.number), [6, 7, 3]);
      assert.equal(records[2]?.answer?.author.login, "colleague");
      assert.ok(requests.some((r) => r.path.startsWith("/repos/octocat/Hello-World/issues/3/comments")));
      assert.ok(!requests.some((r) => r.path.startsWith("/repos/octocat/Hello-World/issues/comments")));
    } finally {
      if (third) third.updated_at = saved;
    }
  });
});
