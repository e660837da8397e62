import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isBot } from "../../src/github/bots.js";
import { closingIssueNumbers } from "../../src/github/closing-refs.js";

const repo = { owner: "octocat", repo: "Hello-World", host: "github.com" };

describe("closingIssueNumbers", () => {
  it("reads every closing keyword with #N", () => {
    const text = "close #1, closes #2. closed #3\nFix #4 fixes #5 FIXED #6; resolve #7 resolves #8 Resolved: #9";
    assert.deepEqual(closingIssueNumbers(text, repo), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("accepts OWNER/REPO#N and the issue URL of the same repository only", () => {
    const text = [
      "Fixes octocat/hello-world#10",
      "Fixes someone/else#11",
      "Closes https://github.com/octocat/Hello-World/issues/12",
      "Closes https://github.com/other/repo/issues/13",
      "Closes https://ghe.example.com/octocat/Hello-World/issues/14",
    ].join("\n");
    assert.deepEqual(closingIssueNumbers(text, repo), [10, 12]);
  });

  it("accepts the repository's other names (the old one typed before a rename)", () => {
    const renamed = { ...repo, aliases: [{ owner: "octocat", repo: "Old-World" }] };
    const text = "Fixes octocat/old-world#15\nCloses https://github.com/octocat/Old-World/issues/16\nFixes octocat/Hello-World#17";
    assert.deepEqual(closingIssueNumbers(text, renamed), [15, 16, 17]);
    assert.deepEqual(closingIssueNumbers(text, repo), [17]);
  });

  it("ignores references without a keyword, in HTML comments, and inside words", () => {
    const text = "See #20. Related to #21.\n<!-- Fixes #22 -->\nprefixes #23 and hotfix #24, fix#25";
    assert.deepEqual(closingIssueNumbers(text, repo), []);
  });

  it("lists an issue once, in order of first mention", () => {
    assert.deepEqual(closingIssueNumbers("Fixes #5 and closes #3, fixes #5 again", repo), [5, 3]);
  });
});

describe("isBot", () => {
  it("knows bots by login, type, name and noreply email", () => {
    assert.equal(isBot({ login: "dependabot[bot]", type: "Bot" }), true);
    assert.equal(isBot({ login: "some-app", type: "Bot" }), true);
    assert.equal(isBot({ login: "renovate" }), true);
    assert.equal(isBot({ login: "github-actions" }), true);
    assert.equal(isBot({ name: "renovate[bot]", email: "29139614+renovate[bot]@users.noreply.github.com" }), true);
    assert.equal(isBot({ name: "Someone", email: "49699333+dependabot[bot]@users.noreply.github.com" }), true);
    assert.equal(isBot({ name: "Dependabot", email: "support@dependabot.com" }), true);
  });

  it("knows the image optimiser, the translation server and accounts named as bots", () => {
    assert.equal(isBot({ name: "ImgBotApp", email: "ImgBotHelp@gmail.com" }), true);
    assert.equal(isBot({ name: "Someone", email: "ImgBotHelp@gmail.com" }), true);
    assert.equal(isBot({ name: "Weblate", email: "noreply@weblate.org" }), true);
    assert.equal(isBot({ name: "Hosted Weblate", email: "hosted@weblate.org" }), true);
    assert.equal(isBot({ name: "semantic-release-bot", email: "semantic-release-bot@martynus.net" }), true);
    assert.equal(isBot({ login: "docs-bot" }), true);
    assert.equal(isBot({ name: "Translations (bot)" }), true);
  });

  it("does not take people for bots", () => {
    assert.equal(isBot({ login: "octocat", type: "User" }), false);
    assert.equal(isBot({ login: "robotics-fan" }), false);
    assert.equal(isBot({ name: "Paul Bottein", email: "paul@example.com" }), false);
    assert.equal(isBot({ name: "Talbot", email: "talbot@example.com" }), false);
    assert.equal(isBot({ login: "abbot" }), false);
    assert.equal(isBot({ name: "Ada", email: "ada@weblate.org" }), false, "a person working at Weblate");
    assert.equal(isBot({ name: "Mona", email: "1234+mona@users.noreply.github.com" }), false);
    assert.equal(isBot({ name: "GitHub", email: "noreply@github.com" }), false);
    assert.equal(isBot(undefined), false);
  });
});
