import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { http, HttpResponse } from "msw";
import { createDiffFilter } from "../../src/diff/filter.js";
import type { ApiPull } from "../../src/github/api-types.js";
import { createGitHubClient } from "../../src/github/client.js";
import { createMemoryEtagStore } from "../../src/github/etag-store.js";
import { pullRequestSources, repoSources } from "../../src/github/sources.js";
import { memoryLogger } from "../../src/log.js";
import { SOURCE_KINDS, type SourceKind } from "../../src/records.js";
import { at, createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue, addPull, addReviewComment, pushCommit } from "./scenario.js";
import { all } from "../helpers/streams.js";

const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const context = () => ({ diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() });
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

  it("lists the branch's commits only once the issues are done: a run stopped among them never asks", async () => {
    for await (const record of repoSources({ client: client(), owner: "octocat", repo: "Hello-World", kinds: SOURCE_KINDS }, context())) {
      assert.equal(record.kind, "issue");
      break;
    }
    assert.ok(requests.length > 0);
    assert.ok(!requests.some((r) => r.path.startsWith("/repos/octocat/Hello-World/commits")), requests.map((r) => r.path).join("\n"));
  });

  it("names the repository as the API does in every record, not as it was asked for", async () => {
    const records = await all(repoSources({ client: client(), owner: "OCTOCAT", repo: "hello-world", kinds: SOURCE_KINDS }, context()));
    assert.deepEqual(new Set(records.map((r) => r.kind)), new Set(SOURCE_KINDS));
    assert.deepEqual([...new Set(records.map((r) => r.repo))], ["octocat/Hello-World"]);
  });

  it("harvests the rest of a repository whose issues are disabled (410)", async () => {
    const disabled = () =>
      HttpResponse.json({ message: "Issues are disabled for this repo", documentation_url: "https://docs.github.com/v3/issues/" }, { status: 410 });
    server.use(
      http.get("https://api.github.com/repos/octocat/Hello-World/issues", disabled),
      http.get("https://api.github.com/repos/octocat/Hello-World/issues/comments", disabled),
    );
    try {
      const ctx = context();
      const records = await all(repoSources({ client: client(), owner: "octocat", repo: "Hello-World", kinds: SOURCE_KINDS }, ctx));
      const count = (kind: SourceKind) => records.filter((r) => r.kind === kind).length;
      assert.deepEqual([count("issue"), count("pull"), count("review-comment"), count("commit")], [0, 12, 12, 13]);
      assert.ok(records.every((r) => r.kind !== "pull" || r.closes.length === 0));
      assert.deepEqual(ctx.log.lines.filter((l) => l.startsWith("warning:")), ["warning: octocat/Hello-World: issues are disabled (410); no issue records"]);
      // No issue is asked for one by one: without issues, "Fixes #101" closes nothing.
      assert.ok(!requests.some((r) => r.path.includes("/issues/")), requests.map((r) => r.path).join(", "));
    } finally {
      server.resetHandlers();
    }
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

describe("repoSources with --since or a watermark", () => {
  // #101 was last updated long before the cut-off; the PR that fixes it, after.
  const fixes = createMockRepo("octocat", "Fixes");
  before(() => {
    addIssue(fixes, { number: 101, title: "Dates are off by a day", created: 5, comments: [["maintainer", "MEMBER", "Confirmed."]] });
    addPull(fixes, { number: 1, created: 100, body: "Dates are parsed in UTC now, as the docs say. Fixes #101" });
  });
  afterEach(() => server.resetHandlers());

  const cutOff = at(50);
  for (const [name, filter] of [
    ["--since", { since: new Date(cutOff) }],
    ["a watermark", { updatedAfter: cutOff }],
  ] as const) {
    it(`still finds the older issue a new pull request closes, with ${name}`, async () => {
      const log: MockRequest[] = [];
      server.use(...githubHandlers(fixes, { log }));
      const updatedAfter = "updatedAfter" in filter ? filter.updatedAfter : undefined;
      const ctx = { ...context(), since: "since" in filter ? filter.since : undefined };
      const records = await all(repoSources({ client: client(), owner: "octocat", repo: "Fixes", kinds: SOURCE_KINDS, updatedAfter }, ctx));
      assert.deepEqual(records.filter((r) => r.kind === "issue"), [], "the issue itself is older than the cut-off");
      const pull = records.find((r) => r.kind === "pull");
      assert.deepEqual(pull?.kind === "pull" && pull.closes.map((c) => [c.number, c.title]), [[101, "Dates are off by a day"]]);
      assert.equal(log.filter((r) => r.path.startsWith("/repos/octocat/Fixes/issues/101")).length, 1, "asked for once");
    });
  }
});

describe("pullRequestSources", () => {
  beforeEach(() => {
    requests.length = 0;
  });

  it("yields the pull request and its review comments", async () => {
    const records = await all(pullRequestSources({ client: client(), owner: "octocat", repo: "Hello-World", number: 3 }, context()));
    assert.deepEqual(records.map((r) => r.kind), ["pull", "review-comment"]);
    assert.equal(records[0]?.kind === "pull" && records[0].closes[0]?.number, 103);
  });

  it("skips a pull request created before --since before asking for its diff, and says why", async () => {
    const skipped: string[] = [];
    const since = new Date(Date.parse(repo.pulls.find((p) => p.number === 3)!.created_at) + 1);
    const records = await all(
      pullRequestSources({ client: client(), owner: "octocat", repo: "Hello-World", number: 3, onSkipped: (r) => skipped.push(r) }, { ...context(), since }),
    );
    assert.deepEqual(records.map((r) => r.kind), ["review-comment"], "its comment is later than --since");
    assert.deepEqual(skipped, ["pull request created before --since"]);
    assert.deepEqual(requests.map((r) => r.path.replace(/\?.*/, "")), ["/repos/octocat/Hello-World/pulls/3", "/repos/octocat/Hello-World/pulls/3/comments"]);
  });

  it("asks again for no pull request it is given", async () => {
    const pull = repo.pulls.find((p) => p.number === 3)!;
    const records = await all(pullRequestSources({ client: client(), owner: "octocat", repo: "Hello-World", number: 3, pull: structuredClone(pull) as ApiPull }, context()));
    assert.deepEqual(records.map((r) => r.kind), ["pull", "review-comment"]);
    assert.ok(!requests.some((r) => r.path === "/repos/octocat/Hello-World/pulls/3" && !r.accept.includes("diff")));
  });

  it("fails with exit 2 for a pull request that does not exist", async () => {
    await assert.rejects(all(pullRequestSources({ client: client(), owner: "octocat", repo: "Hello-World", number: 999 }, context())), {
      name: "GitHubError",
      exitCode: 2,
      message: "octocat/Hello-World#999: not found, or the token cannot see it",
    });
  });
});
