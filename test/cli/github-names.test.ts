// meta.id and meta.repo name a repository as GitHub does, not as the user typed it: in
// another case, or by the old name of a renamed repository (which the API redirects).
import { describe, it, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { addIssue, addPull, addReviewComment, pushCommit } from "../github/scenario.js";
import { runCli } from "../helpers/cli.js";

const env = { GH_TOKEN: ["ghp", "_", "NamesTestTokenNeverPrinted0123456789ab"].join("") };
const widgets = createMockRepo("acme", "widgets");
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(widgets, { log: requests }));
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-names-"));
  pushCommit(widgets, { seed: "root", message: "Add the widget grid and its first layout", minute: 1 });
  addIssue(widgets, {
    number: 102,
    title: "Widgets flicker on resize",
    body: "Resizing the window makes every widget flicker.",
    created: 2,
    comments: [["maintainer", "MEMBER", "The resize handler redraws on every event; it needs a debounce."]],
  });
  addPull(widgets, { number: 1, title: "Debounce the resize handler", body: "The resize handler is debounced so widgets redraw once.\n\nCloses acme/widgets#102" });
  addReviewComment(widgets, { id: 11, pull: 1, body: "Could the debounce delay come from the settings?" });
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  requests.length = 0;
  server.resetHandlers();
});

const lines = (text: string) => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

/** The repository was called acme/gadgets: GitHub answers its old URLs with a redirect. */
const renamed = http.get("https://api.github.com/repos/acme/gadgets/*", ({ request }) =>
  new HttpResponse(null, { status: 301, headers: { location: request.url.replace("/repos/acme/gadgets/", "/repos/acme/widgets/") } }),
);

describe("gh-harvest pr names the repository as GitHub does", () => {
  it("whatever the case typed, so --append adds nothing the second time", async () => {
    const out = join(dir, "pr.jsonl");
    const first = await runCli(["pr", "ACME/Widgets#1", "-o", out], { env });
    assert.equal(first.code, 0, first.stderr);
    const records = lines(readFileSync(out, "utf8"));
    assert.deepEqual(records.map((r) => r.meta.id).sort(), [
      "github:acme/widgets#1/comment-11:review-comment",
      "github:acme/widgets#1:issue-fix",
      "github:acme/widgets#1:pr-description",
    ]);
    assert.ok(records.every((r) => r.meta.repo === "acme/widgets"));
    const again = await runCli(["pr", "acme/widgets#1", "-o", out, "--append"], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /wrote 0 records/);
    assert.equal(lines(readFileSync(out, "utf8")).length, 3);
  });

  it("by its new name after a rename, and reads closing references to it", async () => {
    server.use(renamed);
    const result = await runCli(["pr", "acme/gadgets#1"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(lines(result.stdout).map((r) => r.meta.id).sort(), [
      "github:acme/widgets#1/comment-11:review-comment",
      "github:acme/widgets#1:issue-fix",
      "github:acme/widgets#1:pr-description",
    ]);
  });
});

describe("gh-harvest repo names the repository as GitHub does", () => {
  it("in every kind of record, whatever the case typed", async () => {
    const result = await runCli(["repo", "ACME/WIDGETS"], { env });
    assert.equal(result.code, 0, result.stderr);
    const records = lines(result.stdout);
    assert.deepEqual(records.map((r) => r.meta.mapping).sort(), ["commit-message", "commit-message", "issue-answer", "issue-fix", "pr-description", "review-comment"]);
    for (const record of records) {
      assert.equal(record.meta.repo, "acme/widgets");
      assert.ok(record.meta.id.startsWith("github:acme/widgets"), record.meta.id);
    }
  });

  it("by its new name after a rename", async () => {
    server.use(renamed);
    const result = await runCli(["repo", "acme/gadgets"], { env });
    assert.equal(result.code, 0, result.stderr);
    const records = lines(result.stdout);
    assert.equal(records.length, 6);
    assert.ok(records.every((r) => r.meta.repo === "acme/widgets" && r.meta.id.startsWith("github:acme/widgets")));
  });

  it("continues the --state entry saved under another spelling", async () => {
    const state = join(dir, "state.json");
    const first = await runCli(["repo", "acme/widgets", "--state", state], { env });
    assert.equal(first.code, 0, first.stderr);
    requests.length = 0;
    const second = await runCli(["repo", "Acme/Widgets", "--state", state], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, "", "nothing new");
    assert.ok(requests.length <= 5, `${requests.length} requests: an unchanged rerun`);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(state, "utf8")).sources), ["github:api.github.com/acme/widgets"]);
  });
});
