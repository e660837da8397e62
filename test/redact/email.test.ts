import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRedactor } from "../../src/redact.js";

describe("e-mail addresses", () => {
  const redactor = createRedactor();
  const redact = (text: string) => redactor.redact(text).text;

  it("are redacted as kind email wherever they appear", () => {
    assert.equal(redact("Signed-off-by: Jane Doe <jane.doe@acme-corp.io>"), "Signed-off-by: Jane Doe <<REDACTED:email>>");
    assert.equal(redact("mail o'brien+ci@mail.example.co.uk? no: ops.team@acme.io."), "mail o'<REDACTED:email>? no: <REDACTED:email>.");
    assert.equal(redact("mailto:jane@acme.io"), "mailto:<REDACTED:email>");
    assert.deepEqual(redactor.scan("jane@acme.io").map((f) => f.kind), ["email"]);
  });

  it("keeps GitHub noreply addresses and GitHub's own address", () => {
    for (const text of [
      "Co-authored-by: Jane <1234567+jane@users.noreply.github.com>",
      "Author: jane <jane@users.noreply.github.com>",
      "Committer: GitHub <noreply@github.com>",
    ]) assert.equal(redact(text), text);
  });

  it("keeps reserved example domains", () => {
    for (const text of ["alice@example.com", "bob@example.org", "carol@sub.example.net", "dave@acme.test", "erin@host.example", "x@y.invalid", "me@localhost"]) {
      assert.equal(redact(text), text);
    }
  });

  it("leaves alone what only looks like an address", () => {
    for (const text of [
      '<img src="logo@2x.png">',
      "lodash@4.17.21",
      "git@github.com:acme/widgets.git",
      "https://jane@github.com/acme/widgets.git",
      "@types/node and @babel/core",
      '@app.route("/")',
      "nginx@sha256:0123abcd",
      "@@ -1,4 +1,5 @@",
    ]) assert.equal(redact(text), text);
  });

  it("are not reported by a credentials-only redactor", () => {
    assert.deepEqual(createRedactor({ emails: false }).scan("jane@acme.io"), []);
  });
});
