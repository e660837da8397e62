// `gh-harvest pr` with --state (nothing fetched again for a pull request not updated since)
// and --since (the pull request itself is an item created at a date, like its comments).
import { describe, it, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { at, createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue, addPull, addReviewComment } from "../github/scenario.js";
import { runCli } from "../helpers/cli.js";

const env = { GH_TOKEN: ["ghp", "_", "PrStateTestTokenNeverPrinted0123456789"].join("") };
const widgets = createMockRepo("acme", "widgets");
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(widgets, { log: requests }));
let dir: string;
const KEY = "github:api.github.com/acme/widgets#1";

before(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-pr-"));
  addIssue(widgets, { number: 102, title: "Widgets flicker on resize", body: "Resizing the window makes every widget flicker.", created: 2 });
  // Created at minute 10 of 2024-01-01; its review comment a day later.
  addPull(widgets, { number: 1, title: "Debounce the resize handler", body: "The resize handler is debounced so widgets redraw once.\n\nCloses acme/widgets#102" });
  addReviewComment(widgets, { id: 11, pull: 1, body: "Could the debounce delay come from the settings?", created: 24 * 60 + 10 });
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  requests.length = 0;
});

const lines = (text: string) => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
const savedState = (path: string) => JSON.parse(readFileSync(path, "utf8"));

describe("gh-harvest pr --state", () => {
  it("harvests a pull request once, then only when it was updated, with one request in between", async () => {
    const out = join(dir, "pr.jsonl");
    const state = join(dir, "state.json");
    const first = await runCli(["pr", "acme/widgets#1", "-o", out, "--state", state], { env });
    assert.equal(first.code, 0, first.stderr);
    const written = readFileSync(out, "utf8");
    assert.deepEqual(lines(written).map((r) => r.meta.mapping).sort(), ["issue-fix", "pr-description", "review-comment"]);
    assert.deepEqual(savedState(state).sources[KEY], { watermarks: { pull: widgets.pulls[0]!.updated_at }, selection: { "--max-diff-bytes": "100000", "--max-diff-lines": "1000" } });

    requests.length = 0;
    const second = await runCli(["pr", "acme/widgets#1", "-o", out, "--state", state, "--append"], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, new RegExp(`^gh-harvest: acme/widgets#1: not updated since the last run \\(${state.replace(/[.\\/]/g, "\\$&")}\\); nothing to harvest\\ngh-harvest: wrote 0 records to `));
    assert.equal(second.stdout, "");
    assert.equal(readFileSync(out, "utf8"), written, "with --append, the output is left as it was");
    assert.deepEqual(requests.map((r) => r.path), ["/repos/acme/widgets/pulls/1"]);
    // Without --append, as local and repo: the run's output holds what is new, here nothing.
    const fresh = join(dir, "new-only.jsonl");
    await runCli(["pr", "acme/widgets#1", "-o", fresh, "--state", state], { env });
    assert.equal(readFileSync(fresh, "utf8"), "", "the output exists, empty: a workflow's next step finds it");

    // Another spelling of the same pull request finds the same entry.
    const otherCase = await runCli(["pr", "https://github.com/ACME/Widgets/pull/1", "--state", state], { env });
    assert.match(otherCase.stderr, /^gh-harvest: acme\/widgets#1: not updated since the last run/);
    assert.equal(otherCase.stdout, "");

    widgets.pulls[0]!.updated_at = at(3 * 24 * 60);
    const third = await runCli(["pr", "acme/widgets#1", "-o", out, "--state", state], { env });
    assert.equal(third.code, 0, third.stderr);
    assert.equal(lines(readFileSync(out, "utf8")).length, 3);
    assert.equal(savedState(state).sources[KEY].watermarks.pull, at(3 * 24 * 60));
  });

  it("keeps the state file as it was when --limit cut the run short", async () => {
    const state = join(dir, "limited.json");
    const limited = await runCli(["pr", "acme/widgets#1", "--state", state, "--limit", "1"], { env });
    assert.equal(limited.code, 0, limited.stderr);
    assert.equal(lines(limited.stdout).length, 1);
    assert.match(limited.stderr, /limited\.json not updated: --limit stopped the run/);
    assert.equal(existsSync(state), false);
    const whole = await runCli(["pr", "acme/widgets#1", "--state", state], { env });
    assert.equal(lines(whole.stdout).length, 3, "the next run harvests the whole pull request");
    assert.ok(JSON.parse(readFileSync(state, "utf8")).sources[KEY]);
  });
});

describe("gh-harvest pr --since", () => {
  it("skips the pull request created before --since, keeping its later review comments", async () => {
    const result = await runCli(["pr", "acme/widgets#1", "--since", "2024-01-02"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(lines(result.stdout).map((r) => r.meta.id), ["github:acme/widgets#1/comment-11:review-comment"]);
    assert.match(result.stderr, /skipped 1: pull request created before --since 1/);
    // Its diff and commits are not asked for.
    assert.deepEqual(requests.filter((r) => !r.path.includes("/comments")).map((r) => r.path), ["/repos/acme/widgets/pulls/1"]);
    // At or after it (inclusive, as the contract says), the pull request is kept.
    const atSince = await runCli(["pr", "acme/widgets#1", "--since", at(10)], { env });
    assert.equal(atSince.code, 0, atSince.stderr);
    assert.deepEqual(lines(atSince.stdout).map((r) => r.meta.mapping).sort(), ["issue-fix", "pr-description", "review-comment"]);
  });
});

describe("gh-harvest pr on an Enterprise Server", () => {
  const GHE = "http://ghe.example.com";
  const ghe = createMockRepo("acme", "widgets");
  const gheRequests: MockRequest[] = [];
  before(() => {
    server.use(...githubHandlers(ghe, { apiUrl: `${GHE}/api/v3`, log: gheRequests }));
    addIssue(ghe, { number: 102, title: "Widgets flicker on resize", body: "Resizing the window makes every widget flicker.", created: 2 });
    // Another server's pull request of the same name: other words, so only the id tells them apart.
    addPull(ghe, { number: 1, title: "Throttle the resize handler", body: "The resize handler is throttled so widgets redraw at most once a frame.\n\nCloses acme/widgets#102" });
    addReviewComment(ghe, { id: 11, pull: 1, body: "Could the throttle interval come from the settings?" });
    // The server's web URLs name its own host.
    for (const item of [...ghe.pulls, ...ghe.issues, ...ghe.reviewComments]) item.html_url = item.html_url.replace("https://github.com", GHE);
  });

  it("talks to http://HOST/api/v3 for an http:// URL, and names the host in every id", async () => {
    const result = await runCli(["pr", `${GHE}/acme/widgets/pull/1`], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(gheRequests.length > 0, "the http API root was asked");
    assert.deepEqual(lines(result.stdout).map((r) => r.meta.id).sort(), [
      "github:ghe.example.com/acme/widgets#1/comment-11:review-comment",
      "github:ghe.example.com/acme/widgets#1:issue-fix",
      "github:ghe.example.com/acme/widgets#1:pr-description",
    ]);
  });

  it("appends the server's pull request to a file holding github.com's of the same name", async () => {
    const out = join(dir, "both.jsonl");
    assert.equal((await runCli(["pr", "acme/widgets#1", "-o", out], { env })).code, 0);
    const second = await runCli(["pr", `${GHE}/acme/widgets/pull/1`, "-o", out, "--append"], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.equal(lines(readFileSync(out, "utf8")).length, 6, second.stderr);
  });
});
