import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inInputNames } from "../../src/action/input-names.js";

describe("the Action's messages", () => {
  it("name the inputs a workflow sets, not the CLI's flags", () => {
    assert.equal(inInputNames("--checkout takes one repository; name one OWNER/REPO with it"), "input checkout takes one repository; name one OWNER/REPO with it");
    assert.equal(inInputNames('invalid --api-url "ftp://x"'), 'invalid input api-url "ftp://x"');
    assert.equal(inInputNames("give --format alpaca, or another --out"), "give input format alpaca, or another input output");
    assert.equal(inInputNames("acme/w: bad credentials: check GH_TOKEN/GITHUB_TOKEN"), "acme/w: bad credentials: check the token input");
    // Not an input: left as it is.
    assert.equal(inInputNames("--rev names a revision"), "--rev names a revision");
  });
});
