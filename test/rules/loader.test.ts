import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../../src/errors.js";
import { loadBuiltinRules, loadRuleText, resolveRules } from "../../src/rules/loader.js";

const valid = `name: my-rule
source: commit
description: A rule.
when:
  subject: { minWords: 2 }
instruction: Describe {{subject}}.
input: "{{diff}}"
output: "{{body | trim}}"
`;

function loadError(text: string): string {
  try {
    loadRuleText(text, "my-rule.yaml", "my-rule.yaml");
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    return error.message;
  }
  assert.fail("expected the rule to be refused");
}

describe("rule loader", () => {
  it("loads every built-in rule of the contract", () => {
    const names = loadBuiltinRules().map((r) => `${r.name}:${r.source}`);
    assert.deepEqual(names.sort(), [
      "commit-message:commit",
      "issue-answer:issue",
      "issue-fix:pull",
      "pr-description:pull",
      "review-comment:review-comment",
    ]);
  });

  it("compiles a valid user rule and notes that it reads the diff", () => {
    const rule = loadRuleText(valid, "my-rule.yaml", "/abs/my-rule.yaml");
    assert.equal(rule.name, "my-rule");
    assert.equal(rule.usesDiff, true);
    assert.equal(rule.origin, "/abs/my-rule.yaml");
  });

  it("checks when.output on the rendered output, not on a record field", () => {
    const rule = loadRuleText(valid.replace("subject: { minWords: 2 }", "output: { minWords: 3 }"), "my-rule.yaml", "my-rule.yaml");
    assert.deepEqual(rule.conditions, []);
    assert.deepEqual(rule.outputConditions.map((c) => [c.field, c.check("only two"), c.check("three words here")]), [
      ["output", "output has fewer than 3 words", undefined],
    ]);
    assert.equal(loadError(valid.replace("{{body | trim}}", "{{output}}")).startsWith('my-rule.yaml:8: output: unknown field "output"'), true);
  });

  it("names the file, the line, the field and what was expected for a wrong type", () => {
    const message = loadError(valid.replace("{ minWords: 2 }", '{ minWords: "five" }'));
    assert.equal(message, 'my-rule.yaml:5: when.subject.minWords: expected a number, got "five"');
  });

  it("refuses an unknown template field at load time", () => {
    const message = loadError(valid.replace("{{body | trim}}", "{{bodyy}}"));
    assert.match(message, /^my-rule\.yaml:8: output: unknown field "bodyy"; expected one of .*body/);
  });

  it("refuses an unknown filter and an unknown condition field", () => {
    assert.match(loadError(valid.replace("| trim", "| shout")), /output: unknown filter "shout"/);
    assert.match(loadError(valid.replace("subject: {", "title: {")), /^my-rule\.yaml:5: when\.title: unknown field/);
  });

  it("reports a missing key and an unknown source", () => {
    assert.match(loadError(valid.replace(/^output:.*$/m, "")), /output: missing; expected a string/);
    assert.match(loadError(valid.replace("source: commit", "source: tweet")), /^my-rule\.yaml:2: source: expected one of "commit"/);
  });

  it("reports YAML syntax errors with their line", () => {
    assert.match(loadError("name: x\nsource: [commit\n"), /^my-rule\.yaml:\d+: not valid YAML/);
  });

  it("resolves -m names and files, and refuses unknown names", () => {
    const dir = mkdtempSync(join(tmpdir(), "rules-"));
    try {
      const file = join(dir, "mine.yaml");
      writeFileSync(file, valid);
      const rules = resolveRules(["commit-message", file], ["commit"]);
      assert.deepEqual(rules.map((r) => r.name), ["commit-message", "my-rule"]);
      assert.throws(() => resolveRules(["no-such-rule"], ["commit"]), /unknown mapping "no-such-rule"/);
      assert.throws(() => resolveRules([join(dir, "missing.yaml")], ["commit"]), /cannot read the rule file/);
      // A rule the command has no records for would write nothing, and say nothing.
      assert.throws(() => resolveRules(["pr-description"], ["commit"]), /mapping "pr-description" reads pull records, and this command makes only commit records/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defaults to the built-in rules of the sources a command produces", () => {
    assert.deepEqual(resolveRules([], ["commit"]).map((r) => r.name), ["commit-message"]);
    assert.deepEqual(resolveRules([], ["pull"]).map((r) => r.name).sort(), ["issue-fix", "pr-description"]);
  });
});
