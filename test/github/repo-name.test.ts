import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalRepo, repoOfWebUrl } from "../../src/github/repo-name.js";

describe("the repository's name as GitHub gives it", () => {
  it("is read from the web URL of a pull request, a review comment, an issue or a commit", () => {
    assert.equal(repoOfWebUrl("https://github.com/acme/widgets/pull/12"), "acme/widgets");
    assert.equal(repoOfWebUrl("https://github.com/acme/widgets/pull/12#discussion_r31"), "acme/widgets");
    assert.equal(repoOfWebUrl("https://ghe.example.com/team/app.js/issues/4"), "team/app.js");
    assert.equal(repoOfWebUrl("https://github.com/acme/widgets/commit/6dcb09b5b57875f334f61aebed695e2e4193db5e"), "acme/widgets");
    assert.equal(repoOfWebUrl("https://github.com/acme/widgets"), undefined);
    assert.equal(repoOfWebUrl("not a url"), undefined);
  });

  it("falls back to the name typed when the API gave none", () => {
    assert.equal(canonicalRepo("acme/widgets", "ACME", "Widgets"), "acme/widgets");
    assert.equal(canonicalRepo(undefined, "ACME", "Widgets"), "ACME/Widgets");
    assert.equal(canonicalRepo("", "ACME", "Widgets"), "ACME/Widgets");
  });
});
