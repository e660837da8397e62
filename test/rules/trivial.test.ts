import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isTrivialText } from "../../src/rules/trivial.js";

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
});
