import { describe, it, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addPull, addReviewComment, addWidgetTeam, diffFor } from "../github/scenario.js";
import { runCli } from "../helpers/cli.js";

const token = ["ghp", "_", "C1iTestTokenNeverPrinted0123456789abcd"].join("");
const planted = ["AKIA", "QWERTYUIOPASDFGH"].join("");
const env = { GH_TOKEN: token };
const repo = createMockRepo();
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-github-"));
  addWidgetTeam(repo);
  addPull(repo, { number: 5, title: "Try another layout", body: "An experiment with a grid layout for the widgets.", merged: false });
  addPull(repo, {
    number: 6,
    title: "Read the key from the settings",
    body: "The API key now comes from the settings file instead of the code.",
    diff: diffFor("src/settings.ts", 6).replace("+export const value = 6 + 1;", `+export const key = "${planted}";`),
  });
  addReviewComment(repo, { id: 32, pull: 3, body: "Good idea, done.", inReplyTo: 31 });
  addReviewComment(repo, { id: 33, pull: 3, body: "LGTM" });
});

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  requests.length = 0;
  server.resetHandlers();
});

const records = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l));

describe("gh-harvest repo", () => {
  it("harvests every built-in rule, skips bots and unmerged PRs, redacts secrets, never prints the token", async () => {
    const out = join(dir, "team.jsonl");
    const result = await runCli(["repo", "octocat/Hello-World", "-o", out], { env });
    assert.equal(result.code, 0, result.stderr);
    const written = records(out);
    const ids = written.map((r) => r.meta.id).sort();
    assert.deepEqual(ids, [
      "github:octocat/Hello-World#2:issue-answer",
      "github:octocat/Hello-World#3/comment-31:review-comment",
      "github:octocat/Hello-World#3:issue-fix",
      "github:octocat/Hello-World#3:pr-description",
      "github:octocat/Hello-World#6:pr-description",
      `github:octocat/Hello-World@${repo.commits.find((c) => c.commit.message.startsWith("Cap the"))!.sha}:commit-message`,
      `github:octocat/Hello-World@${repo.commits.find((c) => c.commit.message.startsWith("Read the key"))!.sha}:commit-message`,
    ].sort());
    const answer = written.find((r) => r.meta.mapping === "issue-answer")!;
    assert.equal(answer.output, "Thanks for the report: the list needs a max-width, fixed on main now.");
    const fix = written.find((r) => r.meta.mapping === "issue-fix")!;
    assert.match(fix.instruction, /Widgets overflow on narrow screens/);
    assert.doesNotMatch(fix.output, /Fixes #2/);
    const text = readFileSync(out, "utf8");
    assert.ok(!text.includes(planted), "the planted key is never written");
    assert.match(text, /<REDACTED:aws-access-key>/);
    assert.ok(!(result.stderr + result.stdout).includes(token));
    // Bots' and unmerged PRs are passed over while listing, before any request is spent on them.
    assert.match(result.stderr, /review-comment: isReply is not false 1/);
    assert.ok(requests.every((r) => r.authorization === `token ${token}` || r.authorization === `Bearer ${token}`));
  });

  it("costs at most 5 requests on an unchanged rerun with --state, and appends nothing", async () => {
    const out = join(dir, "scheduled.jsonl");
    const state = join(dir, ".harvest", "state.json");
    const first = await runCli(["repo", "octocat/Hello-World", "-o", out, "--state", state, "--append"], { env });
    assert.equal(first.code, 0, first.stderr);
    const before = readFileSync(out, "utf8");
    requests.length = 0;
    const second = await runCli(["repo", "octocat/Hello-World", "-o", out, "--state", state, "--append"], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.ok(requests.length <= 5, `${requests.length} requests on an unchanged rerun`);
    assert.equal(readFileSync(out, "utf8"), before);
    const saved = JSON.parse(readFileSync(state, "utf8"));
    assert.ok(saved.sources["github:api.github.com/octocat/Hello-World"].watermarks.pull);
  });

  it("exits 2 with one line for bad credentials and for an unknown repository", async () => {
    server.use(http.get("https://api.github.com/repos/octocat/Hello-World/*", () => HttpResponse.json({ message: "Bad credentials" }, { status: 401 })));
    const bad = await runCli(["repo", "octocat/Hello-World"], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad credentials/i);
    assert.ok(!bad.stderr.includes(token));
    server.resetHandlers();
    const missing = await runCli(["repo", "octocat/No-Such-Repo"], { env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /not found, or the token cannot see it/);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
    const malformed = await runCli(["repo", "not a repo"], { env });
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /expected OWNER\/REPO/);
  });
});

describe("gh-harvest pr", () => {
  it("imports one pull request with its review comments, by URL or OWNER/REPO#N", async () => {
    const byUrl = await runCli(["pr", "https://github.com/octocat/Hello-World/pull/3", "--format", "openai"], { env });
    assert.equal(byUrl.code, 0, byUrl.stderr);
    const lines = byUrl.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.meta.mapping).sort(), ["issue-fix", "pr-description", "review-comment"]);
    assert.equal(lines[0].messages.length, 2);
    const short = await runCli(["pr", "octocat/Hello-World#3"], { env });
    assert.equal(short.code, 0, short.stderr);
    assert.equal(short.stdout.trim().split("\n").length, 3);
  });

  it("warns without a token, and refuses a malformed ref", async () => {
    const anonymous = await runCli(["pr", "octocat/Hello-World#3"], { env: {} });
    assert.equal(anonymous.code, 0, anonymous.stderr);
    assert.match(anonymous.stderr, /warning: .*unauthenticated/i);
    const bad = await runCli(["pr", "octocat/Hello-World/3"], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid pull request reference/);
  });
});
