import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Triple } from "../../src/records.js";
import { loadBuiltinRules } from "../../src/rules/loader.js";
import { applyRule, type Rule, type RuleResult } from "../../src/rules/rule.js";
import { commit, diffOf, issue, pull, reviewComment, sampleDiff } from "../helpers/records.js";

const rules = new Map(loadBuiltinRules().map((r) => [r.name, r] as const));
const rule = (name: string): Rule => rules.get(name)!;
const tripleOf = (result: RuleResult): Triple => {
  assert.ok("triple" in result, `expected a triple, got skip: ${"skip" in result ? result.skip : ""}`);
  return result.triple;
};
const skipOf = (result: RuleResult): string => {
  assert.ok("skip" in result, "expected the record to be skipped");
  return result.skip;
};

describe("commit-message rule", () => {
  it("makes the diff the input and the message the output, with a stable id", () => {
    const t = tripleOf(applyRule(rule("commit-message"), commit({ message: "Fix the sign in add\n\nIt subtracted.\n" })));
    assert.match(t.instruction, /commit message/);
    assert.equal(t.input, sampleDiff);
    assert.equal(t.output, "Fix the sign in add\n\nIt subtracted.");
    assert.deepEqual(t.meta, {
      id: "git:widgets@0123456789abcdef0123456789abcdef01234567:commit-message",
      source: "commit",
      repo: "widgets",
      mapping: "commit-message",
      sha: "0123456789abcdef0123456789abcdef01234567",
    });
  });

  for (const message of ["wip", "fix", "Update", "typo.", "Merge branch 'main' into dev", "v1.2.3", "Add tests"]) {
    it(`skips the trivial message "${message}"`, () => {
      assert.match(skipOf(applyRule(rule("commit-message"), commit({ message }))), /subject (is trivial|has fewer than 3 words)/);
    });
  }

  it("skips a release's version bump, a bare revert and housekeeping when they are all the message says, and keeps them over a body", () => {
    const r = rule("commit-message");
    for (const message of ["This is 0.2", "release version 8.1.0", "start version 8.1.4", "Bump version to 8.2.0.dev", "Change version number on develop branch to 1.3.1.1.", 'Revert "Add python 3.9 to CI."', "Fix linter errors"]) {
      assert.equal(skipOf(applyRule(r, commit({ message }))), "message is trivial", message);
    }
    for (const message of [
      "This is 0.2\n\nThe first release that reads config files.",
      'Revert "Add python 3.9 to CI."\n\nThe runners do not have it yet.',
      "Fix linter errors\n\ngolangci-lint 1.55 reports shadowed errors in the loader.",
    ]) {
      assert.equal(tripleOf(applyRule(r, commit({ message }))).output, message);
    }
  });

  it("skips a commit whose diff is too large, empty, or only filtered files", () => {
    const r = rule("commit-message");
    assert.equal(skipOf(applyRule(r, commit({ diff: diffOf("", { tooLarge: true, lines: 5000 }) }))), "diff too large");
    assert.equal(skipOf(applyRule(r, commit({ diff: diffOf("") }))), "empty diff");
    const dropped = diffOf("", { dropped: [{ path: "package-lock.json", reason: "filtered" }] });
    assert.equal(skipOf(applyRule(r, commit({ diff: dropped }))), "only filtered, binary or non-UTF-8 files");
  });
});

describe("pr-description rule", () => {
  it("strips HTML comments, unticked template boxes and empty template sections from the body", () => {
    const body = [
      "<!-- Describe your change -->",
      "## What",
      "The add function now adds its two arguments instead of subtracting them.",
      "",
      "## Screenshots",
      "",
      "## Checklist",
      "- [x] Tests pass",
      "- [ ] Docs updated",
    ].join("\n");
    const t = tripleOf(applyRule(rule("pr-description"), pull({ body })));
    assert.equal(t.output, "## What\nThe add function now adds its two arguments instead of subtracting them.\n\n## Checklist\n- [x] Tests pass");
    assert.match(t.instruction, /titled "Fix the sign in add"/);
    assert.equal(t.meta.id, "github:acme/widgets#12:pr-description");
    assert.equal(t.meta.url, "https://github.com/acme/widgets/pull/12");
  });

  it("leaves out the lines that only name issues, as commit messages do", () => {
    const body = "Widgets keep their ratio when resized, as asked in #9.\n\nFixes #10\n\n## Related issues\n\nCloses #11";
    assert.equal(tripleOf(applyRule(rule("pr-description"), pull({ body }))).output, "Widgets keep their ratio when resized, as asked in #9.");
  });

  it("keeps a description written as a task list", () => {
    const body = "This PR:\r\n- [x] adds a COLORS constant with the three base colors\r\n- [x] exports it from src/colors.js";
    assert.equal(tripleOf(applyRule(rule("pr-description"), pull({ body }))).output, body.replaceAll("\r\n", "\n"));
  });

  it("skips unmerged pull requests and empty bodies", () => {
    assert.equal(skipOf(applyRule(rule("pr-description"), pull({ merged: false }))), "merged is not true");
    assert.equal(skipOf(applyRule(rule("pr-description"), pull({ body: "" }))), "no output");
  });
});

// The bodies of the audit: long enough raw, trivial once the template is stripped.
const templateOnlyBodies = {
  "a comment and wip": "<!-- Thanks for contributing! Please describe your change below and link the issue. -->\nwip",
  "a heading and LGTM": "## Description\n<!-- Describe what this change does and why it is needed here -->\nLGTM\n\n## Testing\n<!-- how -->",
};

for (const name of ["pr-description", "issue-fix"]) {
  describe(`${name} rule on a body that is mostly template`, () => {
    const closes = [{ number: 7, title: "add() is wrong", body: "add(1, 2) gives -1." }];
    it("skips a body that is trivial once its HTML comments are stripped", () => {
      const body = templateOnlyBodies["a comment and wip"];
      assert.equal(skipOf(applyRule(rule(name), pull({ body, closes }))), "output is trivial");
    });

    it("skips a body with fewer than 5 words once its template is stripped", () => {
      const body = templateOnlyBodies["a heading and LGTM"];
      assert.equal(skipOf(applyRule(rule(name), pull({ body, closes }))), "output has fewer than 5 words");
    });

    it("keeps a real description written inside the template", () => {
      const body = "## Description\n<!-- what and why -->\nadd() now adds its arguments instead of subtracting them.\n\n## Testing\n<!-- how -->";
      assert.equal(
        tripleOf(applyRule(rule(name), pull({ body, closes }))).output,
        "## Description\n\nadd() now adds its arguments instead of subtracting them.",
      );
    });
  });
}

describe("issue-fix rule", () => {
  it("leaves no heading whose section only held the closing reference", () => {
    const closes = [{ number: 10, title: "Widgets cannot be resized", body: "### Steps\n\n_No response_\n\n### What happened\n\nresize() is missing." }];
    const body = "<!-- Thanks! -->\n## Summary\n\nAdds resize so widgets can change size after creation.\n\n## Related issues\n\nFixes #10";
    const t = tripleOf(applyRule(rule("issue-fix"), pull({ body, closes })));
    assert.equal(t.output, "## Summary\n\nAdds resize so widgets can change size after creation.");
    assert.equal(t.instruction, "Resolve the following issue.\n\nWidgets cannot be resized\n\n### What happened\n\nresize() is missing.");
  });

  it("asks to resolve the closed issue without giving the fix away", () => {
    const closes = [{ number: 7, title: "add() is wrong", body: "add(1, 2) gives -1.\nFixed by #12\nSee https://github.com/acme/widgets/pull/12" }];
    const t = tripleOf(applyRule(rule("issue-fix"), pull({ closes })));
    assert.equal(t.instruction, "Resolve the following issue.\n\nadd() is wrong\n\nadd(1, 2) gives -1.");
    assert.equal(t.input, sampleDiff);
  });

  it("loses the issue's lines of references only, and the body's, as pr-description does; code stays", () => {
    const closes = [{ number: 12, title: "Crash when the token expires", body: "The CLI crashes once the token expires.\n\nRelated to #45\ncc @carol" }];
    const body = "Refreshes the token once and retries.\n\n```text\nFixes #123\n```\n\nDepends on #77\n\nFixes #12";
    const t = tripleOf(applyRule(rule("issue-fix"), pull({ body, closes })));
    assert.equal(t.instruction, "Resolve the following issue.\n\nCrash when the token expires\n\nThe CLI crashes once the token expires.");
    assert.equal(t.output, "Refreshes the token once and retries.\n\n```text\nFixes #123\n```");
  });

  it("skips a pull request that closes no issue", () => {
    assert.equal(skipOf(applyRule(rule("issue-fix"), pull())), "closesCount is less than 1");
  });
});

describe("issue-answer and review-comment rules", () => {
  it("answers an issue with the maintainer's reply and quoted code as input", () => {
    const t = tripleOf(applyRule(rule("issue-answer"), issue({ code: "```js\nadd(1, 2)\n```" })));
    assert.equal(t.output, "That was a sign error; it is fixed on main, please update.");
    assert.equal(t.input, "```js\nadd(1, 2)\n```");
    assert.equal(skipOf(applyRule(rule("issue-answer"), issue({ answer: undefined }))), "no answer");
  });

  it("skips replies and LGTM-style review comments", () => {
    const t = tripleOf(applyRule(rule("review-comment"), reviewComment()));
    assert.match(t.instruction, /src\/add\.ts/);
    assert.equal(t.meta.id, "github:acme/widgets#12/comment-1:review-comment");
    assert.equal(skipOf(applyRule(rule("review-comment"), reviewComment({ inReplyTo: 1 }))), "isReply is not false");
    assert.equal(skipOf(applyRule(rule("review-comment"), reviewComment({ body: "LGTM!" }))), "body is trivial");
    assert.equal(skipOf(applyRule(rule("review-comment"), reviewComment({ body: "nit" }))), "body is trivial");
    for (const body of ["LGTM, thanks!", "lgtm 👍", "ship it", "Good catch!"]) {
      assert.equal(skipOf(applyRule(rule("review-comment"), reviewComment({ body }))), "body is trivial", body);
    }
    assert.equal(tripleOf(applyRule(rule("review-comment"), reviewComment({ body: "Use a Set here." }))).output, "Use a Set here.");
  });
});

describe("record ids", () => {
  it("name the host of an item that is not on github.com, and only then", () => {
    const ghe = "https://ghe.example.com:8443/acme/widgets";
    const ids = [
      applyRule(rule("pr-description"), pull({ url: `${ghe}/pull/12` })),
      applyRule(rule("issue-answer"), issue({ url: `${ghe}/issues/7` })),
      applyRule(rule("review-comment"), reviewComment({ url: `${ghe}/pull/12#discussion_r1` })),
      applyRule(rule("commit-message"), commit({ repo: "acme/widgets", url: `${ghe}/commit/0123456789abcdef0123456789abcdef01234567` })),
    ].map((result) => tripleOf(result).meta.id);
    assert.deepEqual(ids, [
      "github:ghe.example.com:8443/acme/widgets#12:pr-description",
      "github:ghe.example.com:8443/acme/widgets#7:issue-answer",
      "github:ghe.example.com:8443/acme/widgets#12/comment-1:review-comment",
      "github:ghe.example.com:8443/acme/widgets@0123456789abcdef0123456789abcdef01234567:commit-message",
    ]);
    const url = "https://github.com/acme/widgets/commit/0123456789abcdef0123456789abcdef01234567";
    assert.equal(tripleOf(applyRule(rule("commit-message"), commit({ repo: "acme/widgets", url }))).meta.id, "github:acme/widgets@0123456789abcdef0123456789abcdef01234567:commit-message");
  });
});
