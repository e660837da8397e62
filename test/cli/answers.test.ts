// `gh-harvest repo` on what an audit found written as answers and reviews: thanks, closing
// notes, bare references and pings.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMockRepo, githubHandlers, startGitHubMock } from "../helpers/github-mock.js";
import { addIssue, addPull, addReviewComment, pushCommit } from "../github/scenario.js";
import { runCli } from "../helpers/cli.js";

const env = { GH_TOKEN: ["ghp", "_", "AnswersTestTokenNeverPrinted0123456789"].join("") };
const widgets = createMockRepo("acme", "widgets");
const server = startGitHubMock(...githubHandlers(widgets));
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-answers-"));
  pushCommit(widgets, { seed: "root", message: "Initial commit", minute: 1 });
  const maint = (association: string, body: string): [string, string, string] => ["maint", association, body];
  addIssue(widgets, { number: 13, title: "Duplicate", comments: [maint("MEMBER", "Duplicate of #45")] });
  addIssue(widgets, {
    number: 14,
    title: "Support proxies",
    comments: [maint("OWNER", "Fixed in #50."), ["colleague", "MEMBER", "HTTPS_PROXY is read since 2.2; set NO_PROXY for the hosts that must not use it."]],
  });
  addIssue(widgets, {
    number: 16,
    title: "Config path on Windows",
    body: "Where is the config file on Windows?",
    comments: [
      ["reporter", "NONE", "Anyone?"],
      maint("COLLABORATOR", "Thanks for the report!"),
      maint("COLLABORATOR", "It is `%APPDATA%\\widgets\\config.toml`; `widgets config path` prints it."),
    ],
  });
  addIssue(widgets, { number: 18, title: "Docs link broken", comments: [maint("OWNER", "Fixed by #60, thanks! /cc @alice @bob")] });
  addIssue(widgets, { number: 19, title: "Memory use grows", comments: [maint("OWNER", "Closing as stale. Please reopen if it still happens on 3.0.")] });
  addIssue(widgets, { number: 20, title: "Slow start", comments: [maint("OWNER", "Closing due to inactivity")] });
  addIssue(widgets, { number: 21, title: "Crash on exit", comments: [maint("OWNER", "Closed via #12")] });
  addIssue(widgets, { number: 22, title: "Where do I set X?", comments: [maint("OWNER", "Thanks! The fix is to set X=1 in the config.")] });
  addIssue(widgets, {
    number: 23,
    title: "Export fails",
    comments: [maint("OWNER", "Thank you for reporting this."), ["colleague", "MEMBER", "Thanks, will look into it"], maint("OWNER", "I'll take a look")],
  });

  addPull(widgets, { number: 30, title: "Add the total", body: "Adds the total to the summary line of the report." });
  const review = ["Fixes #12", "@alice what do you think?", "@bob thoughts?", "cc @carol", "Thanks for the report!", "Looking into it.", "Good catch, thanks!"];
  review.forEach((body, i) => addReviewComment(widgets, { id: 300 + i, pull: 30, body }));
  addReviewComment(widgets, { id: 320, pull: 30, body: "This overflows for large inputs; see #45 where we switched to BigInt." });

});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const records = (path: string) => readFileSync(path, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
const ids = (path: string, mapping: string) => records(path).filter((r) => r.meta.mapping === mapping).map((r) => r.meta.id.replace("github:acme/widgets#", ""));

describe("gh-harvest repo: what is no answer and no review", () => {
  let out: string;
  let stderr: string;
  before(async () => {
    out = join(dir, "out.jsonl");
    const result = await runCli(["repo", "acme/widgets", "-o", out], { env });
    assert.equal(result.code, 0, result.stderr);
    stderr = result.stderr;
  });

  it("answers an issue with the maintainer's answer, past a thanks, a reference or a closing note", () => {
    const answers = records(out).filter((r) => r.meta.mapping === "issue-answer");
    assert.deepEqual(answers.map((r) => [r.meta.id.replace("github:acme/widgets#", ""), r.output]), [
      ["14:issue-answer", "HTTPS_PROXY is read since 2.2; set NO_PROXY for the hosts that must not use it."],
      ["16:issue-answer", "It is `%APPDATA%\\widgets\\config.toml`; `widgets config path` prints it."],
      ["22:issue-answer", "Thanks! The fix is to set X=1 in the config."],
    ]);
    // Duplicate of, Fixed by ... /cc, Closing as stale, Closing due to inactivity, Closed via, thanks and promises only.
    assert.match(stderr, /issue-answer: no answer 6/);
  });

  it("writes no review comment that is only a reference, a ping or a thanks", () => {
    assert.deepEqual(ids(out, "review-comment"), ["30/comment-320:review-comment"]);
    assert.match(stderr, /review-comment: body is trivial 7/);
  });
});
