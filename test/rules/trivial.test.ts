import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isTrivialHeadline, isTrivialText } from "../../src/rules/trivial.js";

describe("isTrivialText", () => {
  const approvals = [
    "LGTM!",
    "Looks good to me",
    "LGTM, thanks!",
    "lgtm 👍",
    "LGTM 👍🏽",
    "ship it",
    "Ship it! 🚀",
    "Good catch!",
    "Nice catch, thank you.",
    "Thanks, LGTM",
    "Looks great, thx",
    "done, ty",
    "👍",
    "Makes sense.",
  ];
  for (const text of approvals) {
    it(`treats the approval "${text}" as trivial`, () => {
      assert.equal(isTrivialText(text), true);
    });
  }

  const reviews = [
    "Use a Set here.",
    "Good catch, but this also needs a test.",
    "Why not a Map?",
    "LGTM, but please rename this variable.",
    "Thanks! Could you add a test for the empty case?",
    "Ship it after the migration lands.",
  ];
  for (const text of reviews) {
    it(`keeps the review comment "${text}"`, () => {
      assert.equal(isTrivialText(text), false);
    });
  }

  it("still applies the commit filters", () => {
    for (const text of ["wip", "Merge branch 'main'", "v1.2.3", "fixup! add x", "wip: half done parser rewrite", "WIP on the parser, do not merge", "[WIP] retry logic"]) {
      assert.equal(isTrivialText(text), true, text);
    }
    assert.equal(isTrivialText("WIP\n\nThis adds retries with backoff to the uploader, and a test for each."), false, "a body below a stale WIP");
    assert.equal(isTrivialText("Wipe the cache before each run of the import job"), false);
    assert.equal(isTrivialText("Fix the sign in add"), false);
  });

  const machineWritten = [
    "Apply suggestions from code review",
    "Apply suggestion from @octocat",
    "Add files via upload",
    "[pre-commit.ci] auto fixes from pre-commit.com hooks",
    "[pre-commit.ci] pre-commit autoupdate",
    "Bump lodash from 4.17.15 to 4.17.21",
    "Bump lodash from 4.17.15 to 4.17.21 (#123)",
    "Bump express and body-parser from 4.17.1 to 4.18.2 in /server",
    "chore(deps): bump actions/checkout from 8e5e7e5 to 11bd719",
    "build(deps-dev): bump @types/node from 20.1.0 to 20.2.0-beta.1 in /website",
    "Bump the npm_and_yarn group across 1 directory with 2 updates",
    "chore(deps): bump the actions group in / with 3 updates",
    "Update dependency lodash to v4.17.21",
    "chore(deps): update actions/checkout action to v4",
    "fix (#12)",
    'Revert "Add the cache"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
    'Revert "Merge the cache"\n\nThis reverts commit 0123456, reversing\nchanges made to 89abcde.',
    'Reapply "Add the cache"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
  ];
  for (const text of machineWritten) {
    it(`treats the machine-written ${JSON.stringify(text.split("\n")[0])} as trivial`, () => {
      assert.equal(isTrivialText(text), true);
    });
  }

  const people = [
    "Bump the minimum Node version to 20 because 18 is end of life",
    "Bump version to 2.0 and document the migration",
    "Bump lodash from 4.17.15 to 4.17.21 to fix the prototype pollution",
    "Update the parser to handle CRLF",
    "Apply suggestions from code review and rename the cache",
    'Revert "Add the cache"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n\nIt broke the Windows build.',
  ];
  for (const text of people) {
    it(`keeps the person's ${JSON.stringify(text.split("\n")[0])}`, () => {
      assert.equal(isTrivialText(text), false);
    });
  }
});

describe("isTrivialText and isTrivialHeadline", () => {
  const housekeeping = [
    "Update man_docs_test.go",
    "Create labeler.yml",
    "Delete docs/old.md",
    "Rename config.yaml to config.yml",
    "PR comments",
    "address review",
    "Addressed code review feedback",
    "Update based on review",
    "lint",
    "fix typo",
    "run gofmt",
    "Fix gofmt formatting.",
    "ci: style",
    "fix: typo",
  ];
  for (const text of housekeeping) {
    it(`treats a branch's housekeeping "${text}" as trivial as a whole message, not as a headline over a body`, () => {
      assert.equal(isTrivialText(text), true);
      assert.equal(isTrivialHeadline(text), false);
    });
  }

  const onlyLines = [
    "This is 0.2",
    "This is going to be 2.1-dev",
    "This is 3.0 (clonk clonk)",
    "release version 8.1.0",
    "start version 8.0.0a2",
    "Ready for 3.0-dev",
    "Bump version to 8.2.0.dev",
    "Bump to dev version",
    "update version number",
    "Change version number on develop branch to 1.3.1.1.",
    'Revert "Add python 3.9 to CI."',
  ];
  for (const text of onlyLines) {
    it(`treats "${text}" as trivial as a whole message, not as a headline over a body`, () => {
      assert.equal(isTrivialText(text), true);
      assert.equal(isTrivialHeadline(text), false);
    });
  }

  for (const text of ["Update gopkg.in/yaml.v2 to v2.4.0", "Update version numbers and year in win32/README-WIN32.txt.", "Address review comments on the cache eviction", "fix: handle an empty input", "Fix the style of the docs page", "Start 7.1 changelog"]) {
    it(`keeps "${text}"`, () => {
      assert.equal(isTrivialText(text), false);
    });
  }
});

describe("isTrivialText on comments that say nothing but thanks, a ping, a pointer or a closing note", () => {
  const fillers = [
    "Thanks for the report!",
    "Thank you for reporting this.",
    "Thanks, will look into it",
    "Good catch, thanks!",
    "Looking into it.",
    "I'll take a look",
    "Thanks for the PR! I'll take a look this week.",
    "Thanks @alice!",
    "> Where is the config file?\n\nThanks for the report!",
    "Duplicate of #45",
    "Duplicate of #45 and #46.",
    "This is a duplicate of acme/widgets#45",
    "Fixed in #50.",
    "Fixed in https://github.com/acme/widgets/pull/50",
    "Fixed in 1a2b3c4.",
    "Fixed by #60, thanks! /cc @alice @bob (alice@example.com)",
    "Closed via #12",
    "Closing in favor of #12",
    "Closing as stale. Please reopen if it still happens on 3.0.",
    "Closing due to inactivity",
    "Closing since there has been no response from the reporter. Feel free to reopen if it still happens.",
    "Fixes #12",
    "- Fixes #12\n- Closes #13",
    "@alice what do you think?",
    "@bob thoughts?",
    "cc @carol",
    "@acme/core PTAL",
  ];
  for (const text of fillers) {
    it(`treats ${JSON.stringify(text)} as trivial`, () => assert.equal(isTrivialText(text), true));
  }

  const answers = [
    "Thanks! The fix is to set X=1 in the config.",
    "Thanks for the report: the list needs a max-width, fixed on main now.",
    "Thanks for the report, the timeout is set with --request-timeout.",
    "Thanks, this is fixed by #1 and will ship in 2.4.",
    "It is `%APPDATA%\\widgets\\config.toml`; `widgets config path` prints it. See #45 and https://github.com/acme/widgets/issues/46.",
    "This overflows for large inputs; see #45 where we switched to BigInt for the same reason.",
    "Fixed in 2.1.",
    "Closing as this works as intended: pass --force to overwrite.",
    "@alice what do you think about caching the parsed config instead?",
    "@bob thoughts? The loop copies the array on every pass.",
    "> How do I set the timeout?\n\nWith `--request-timeout`, in seconds.",
  ];
  for (const text of answers) {
    it(`keeps ${JSON.stringify(text.slice(0, 60))}`, () => assert.equal(isTrivialText(text), false));
  }

  it("leaves headlines alone: a subject over a body is judged with the body", () => {
    for (const text of ["Fixes #12", "Thanks for the report", "Closing due to inactivity"]) assert.equal(isTrivialHeadline(text), false, text);
  });
});
