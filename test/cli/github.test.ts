import { describe, it, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue, addPull, addReviewComment, addWidgetTeam, diffFor } from "../github/scenario.js";
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
    // ... and still counted: dependabot's PR #4 and its squash commit, as `pr` and `local` count them.
    assert.match(result.stderr, /bot author 2/);
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

  it("exits 2 with one line for bad credentials, an unknown repository, or an API URL that answers a web page", async () => {
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
    // A GHES web root (no /api/v3) or a proxy's sign-in page answers HTML with 200.
    server.use(http.get("http://ghe.example.com/*", () => HttpResponse.html("<!DOCTYPE html><html><body>Sign in</body></html>")));
    for (const command of [["repo", "octocat/Hello-World"], ["pr", "octocat/Hello-World#3"]]) {
      const web = await runCli([...command, "--api-url", "http://ghe.example.com/"], { env });
      assert.equal(web.code, 2, web.stderr);
      assert.equal(
        web.stderr.trim(),
        "gh-harvest: the API at http://ghe.example.com/ did not answer JSON (is --api-url the REST root, e.g. http://ghe.example.com/api/v3?)",
      );
    }
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

describe("the user's own token", () => {
  // A classic personal access token: 40 hex digits, which no credential pattern knows.
  const classic = "3f9c2a7d1e8b4c6a0f5d9e2b7a1c8d4e6f0a3b5c";
  const leaky = createMockRepo("octocat", "Leaky");
  addPull(leaky, {
    number: 7,
    title: "Read the token from the environment",
    body: `The client no longer hard-codes the token ${classic} and reads GH_TOKEN instead.`,
  });
  addReviewComment(leaky, { id: 71, pull: 7, body: `Please revoke ${classic}, it was pushed in clear.` });
  addIssue(leaky, {
    number: 8,
    title: "Calls fail on the Enterprise server",
    body: "Every call answers 401 since this morning.",
    comments: [["maintainer", "MEMBER", `Your token ${classic} has expired, please create a new one.`]],
  });
  const ghes = { GH_TOKEN: classic };

  it("is redacted from pr records as a github-token", async () => {
    server.use(...githubHandlers(leaky));
    const result = await runCli(["pr", "octocat/Leaky#7"], { env: ghes });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.meta.mapping).sort(), ["pr-description", "review-comment"]);
    assert.ok(!(result.stdout + result.stderr).includes(classic), "the token is never written");
    for (const line of lines) {
      assert.match(line.output, /<REDACTED:github-token>/);
      assert.deepEqual(line.meta.redacted, { "github-token": 1 });
    }
  });

  it("never reaches a repo run's output or rejects file, and counts as a credential", async () => {
    server.use(...githubHandlers(leaky));
    const out = join(dir, "leaky.jsonl");
    const rejects = join(dir, "leaky-rejects.jsonl");
    const result = await runCli(["repo", "octocat/Leaky", "-o", out, "--rejects", rejects, "--on-secret", "drop"], { env: ghes });
    assert.equal(result.code, 0, result.stderr);
    const rejected = readFileSync(rejects, "utf8");
    assert.deepEqual(rejected.trim().split("\n").map((l) => JSON.parse(l).record.meta.mapping).sort(), ["issue-answer", "pr-description", "review-comment"]);
    assert.match(rejected, /contained github-token/);
    assert.ok(![readFileSync(out, "utf8"), rejected, result.stderr].some((text) => text.includes(classic)), "the token is never written");
  });
});
