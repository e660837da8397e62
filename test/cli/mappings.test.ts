import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

describe("gh-harvest mappings", () => {
  it("lists the built-in rules and those given with -m (a built-in name, or a file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mappings-"));
    try {
      const file = join(dir, "changelog.yaml");
      writeFileSync(file, "name: changelog-entry\nsource: commit\ndescription: Write a changelog entry.\ninstruction: Write a changelog entry.\ninput: '{{diff}}'\noutput: '{{subject}}'\n");
      const result = await runCli(["mappings", "-m", "pr-description", "-m", file]);
      assert.equal(result.code, 0, result.stderr);
      const rows = result.stdout.trimEnd().split("\n");
      assert.match(rows[0]!, /^NAME +SOURCE +DESCRIPTION$/);
      for (const [name, source] of [["commit-message", "commit"], ["pr-description", "pull"], ["issue-fix", "pull"], ["issue-answer", "issue"], ["review-comment", "review-comment"]]) {
        assert.equal(rows.filter((r) => r.startsWith(`${name} `)).length, 1, `${name} once`);
        assert.match(rows.find((r) => r.startsWith(`${name} `))!, new RegExp(`^${name} +${source} +\\S`));
      }
      assert.match(rows.find((r) => r.startsWith("changelog-entry "))!, /commit +Write a changelog entry\. +\(.*changelog\.yaml\)$/);
      const missing = await runCli(["mappings", "-m", join(dir, "nope.yaml")]);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr.trim().split("\n").length, 1, missing.stderr);
      // A mistyped built-in name is named as one, with the names there are.
      const typo = await runCli(["mappings", "-m", "commit-messages"]);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /^gh-harvest: unknown mapping "commit-messages": not a built-in rule \(commit-message, .*\) nor a rule file\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a rule the harvesting command has no records for, instead of writing nothing", async () => {
    const result = await runCli(["local", ".", "-m", "pr-description"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^gh-harvest: mapping "pr-description" reads pull records, and this command makes only commit records\n$/);
  });
});
