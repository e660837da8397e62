import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../../src/errors.js";
import { compileRedactPattern, createRedactor } from "../../src/redact.js";

describe("user patterns (--redact-pattern)", () => {
  it("redacts internal hostnames, codenames and ticket URLs as kind custom", () => {
    const redactor = createRedactor({
      extraPatterns: [compileRedactPattern(String.raw`[a-z0-9-]+\.corp\.acme\.net`), compileRedactPattern("Project Nightjar"), compileRedactPattern(String.raw`https://jira\.acme\.io/browse/[A-Z]+-\d+`)],
    });
    const { text, findings } = redactor.redact("Deploy to build-01.corp.acme.net for Project Nightjar, see https://jira.acme.io/browse/OPS-1234.");
    assert.equal(text, "Deploy to <REDACTED:custom> for <REDACTED:custom>, see <REDACTED:custom>.");
    assert.deepEqual(findings.map((f) => f.kind), ["custom", "custom", "custom"]);
  });

  it("accepts a pattern given without the global flag and finds every occurrence", () => {
    const redactor = createRedactor({ extraPatterns: [/nightjar/i] });
    assert.equal(redactor.redact("Nightjar and NIGHTJAR").text, "<REDACTED:custom> and <REDACTED:custom>");
  });

  it("rejects a pattern that does not compile, naming it", () => {
    assert.throws(() => compileRedactPattern("ticket-(\\d+"), (e: unknown) => e instanceof UsageError && e.message.includes('"ticket-(\\\\d+"') && /not a valid regular expression/.test(e.message));
  });

  for (const source of ["a*", "x|", "(foo)?", "\\b", "^", "(?=a)"]) {
    it(`rejects ${JSON.stringify(source)}, which can match the empty string`, () => {
      assert.throws(() => compileRedactPattern(source), (e: unknown) => e instanceof UsageError && e.message.includes(JSON.stringify(source)) && /empty string/.test(e.message));
    });
  }

  it("never redacts inside its own markers, even when a user pattern matches them", () => {
    const redactor = createRedactor({ extraPatterns: [compileRedactPattern("REDACTED"), compileRedactPattern("custom")] });
    const once = redactor.redact("custom build, REDACTED log").text;
    assert.equal(once, "<REDACTED:custom> build, <REDACTED:custom> log");
    assert.equal(redactor.redact(once).text, once);
  });

  it("names the option in its messages when asked to", () => {
    assert.throws(
      () => compileRedactPattern("[", "redact.patterns[2]"),
      (e: unknown) => e instanceof UsageError && e.message.startsWith('redact.patterns[2] "["'),
    );
  });
});
