import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commitMessage } from "../../src/text/commit-message.js";
import { normaliseNewlines } from "../../src/text/newlines.js";
import { stripTrailers } from "../../src/text/trailers.js";

const text = (message: string) => stripTrailers(message).text;

describe("stripTrailers", () => {
  it("removes a Signed-off-by block and keeps the closing reference above it", () => {
    const stripped = stripTrailers("Fix the parser\n\nIt read past the end.\n\nFixes #12\nSigned-off-by: Ada Lovelace <ada@example.com>\n");
    assert.equal(stripped.text, "Fix the parser\n\nIt read past the end.\n\nFixes #12");
    assert.deepEqual(stripped.trailers, ["Signed-off-by: Ada Lovelace <ada@example.com>"]);
  });

  it("removes every known kind, whatever its case, with the lines that continue one", () => {
    const message = [
      "Add retries to the client",
      "",
      "Retries use a jittered backoff.",
      "",
      "Co-authored-by: Grace Hopper <grace@example.com>",
      "co-authored-by: Alan Turing <alan@example.com>",
      "Reviewed-by: Ada <ada@example.com>",
      "Acked-by: a@example.com",
      "Tested-by: Linus <l@example.com>",
      "Reported-by: someone <s@example.com>",
      "Suggested-by: other <o@example.com>",
      "Helped-by: helper <h@example.com>",
      "Cc: stable@vger.kernel.org",
      "Signed-off-by: Ada Lovelace",
      "  <ada@example.com>",
    ].join("\n");
    const stripped = stripTrailers(message);
    assert.equal(stripped.text, "Add retries to the client\n\nRetries use a jittered backoff.");
    assert.equal(stripped.trailers.length, 11);
  });

  it("removes Gerrit's Change-Id and Reviewed-on, and a cherry-pick line in a paragraph of its own", () => {
    const message = [
      "Quote paths in the log",
      "",
      "Change-Id: I0123456789abcdef0123456789abcdef01234567",
      "Reviewed-on: https://review.example.org/c/project/+/1234",
      "Signed-off-by: Ada <ada@example.com>",
      "",
      "(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)",
    ].join("\n");
    assert.equal(text(message), "Quote paths in the log");
  });

  it("leaves nothing of a message made only of trailers", () => {
    assert.equal(text("Signed-off-by: Ada Lovelace <ada@example.com>\n"), "");
    assert.equal(text("Co-authored-by: A <a@example.com>\nCo-authored-by: B <b@example.com>"), "");
  });

  it("keeps a subject that only looks like a trailer", () => {
    assert.equal(text("Cc: quote the flags passed to the compiler"), "Cc: quote the flags passed to the compiler");
  });

  it("removes trailers glued under a paragraph of prose, and only at its end", () => {
    const prose = ["Rework the cache", "", "One.", "Two.", "Three.", "Four.", "Five.", "Signed-off-by: Ada <ada@example.com>"];
    assert.equal(text(prose.join("\n")), "Rework the cache\n\nOne.\nTwo.\nThree.\nFour.\nFive.");
    assert.equal(text("Fix the typo in the guide\nSigned-off-by: Ada <ada@example.com>"), "Fix the typo in the guide");
  });

  it("keeps a last paragraph of the author's sentences that only look like trailers, and what stands above it", () => {
    for (const prose of [
      "Require Node 20\n\nNote: the 18 line is end of life.",
      "Drop the v1 config\n\nBREAKING CHANGE: the `retries` key is gone.\nPerformance: about 2x faster on large inputs.",
      "Fix Lintian warning: manpage-has-bad-whatis-entry\n\nExplained in the manual.\n\nRef: lexgrog(1), groff_man(7)",
    ]) {
      assert.equal(text(prose), prose);
    }
    const middle = "Explain the sign-offs\n\nSigned-off-by: is what we ask for.\n\nSee CONTRIBUTING.md for the reasons.";
    assert.equal(text(middle), middle);
  });

  it("removes, as git reads a trailer block, the trailers that only point somewhere, whatever their kind", () => {
    // zlib 14a5f8f2: Reported-by went, the Link and Fixed-by lines stayed.
    const zlib = [
      "Neutralize zip file traversal attacks in miniunz.",
      "",
      "I suggest we use this CVE to identify both issues.",
      "",
      "Link: https://security.snyk.io/research/zip-slip-vulnerability",
      "Link: https://bugs.debian.org/774321",
      "Reported-by: Jakub Wilk <jwilk@debian.org>",
      "Fixed-by: Michael Gilbert <mgilbert@debian.org>",
    ].join("\n");
    const stripped = stripTrailers(zlib);
    assert.equal(stripped.text, "Neutralize zip file traversal attacks in miniunz.\n\nI suggest we use this CVE to identify both issues.");
    assert.equal(stripped.trailers.length, 4);
    assert.equal(text("Update dependencies\n\nRefs: 653459007a15e4d75187acc5a1e1a08cbd787814"), "Update dependencies");
    assert.equal(text("Fix the leak\n\nBug: 1234\nFixes: 54a4f0239f2e (\"Add the pool\")\nCloses: https://bugs.example.org/12"), "Fix the leak");
    assert.equal(text("Keep the cache\n\nDiscussion: https://github.com/o/r/pull/4#discussion_r1\nX-Ref: #258"), "Keep the cache");
    // A prose line in the block stays; the pointers under it go.
    assert.equal(text("Fix the leak\n\nNote: found by fuzzing\nBug: 1234"), "Fix the leak\n\nNote: found by fuzzing");
  });

  it("removes people's trailers with an address above the end, as a squash merge lists them", () => {
    const squash = [
      "Fix generated bash completion for Bash 3 (OSX)",
      "",
      "* Make preamble functions unique to command",
      "",
      "This commit prefixes all of these functions.",
      "",
      "Signed-off-by: John McCabe <john@example.com>",
      "",
      "* Pass cmd into writeFlagHandler",
      "",
      "Co-authored-by: Ada <ada@example.com>",
      "",
      "* Update Bash completion tests",
    ].join("\n");
    const stripped = stripTrailers(squash);
    assert.equal(
      stripped.text,
      "Fix generated bash completion for Bash 3 (OSX)\n\n* Make preamble functions unique to command\n\nThis commit prefixes all of these functions.\n\n* Pass cmd into writeFlagHandler\n\n* Update Bash completion tests",
    );
    assert.deepEqual(stripped.trailers, ["Signed-off-by: John McCabe <john@example.com>", "Co-authored-by: Ada <ada@example.com>"]);
    // Without an address, or quoted (indented), it is the author's text.
    const quoted = "Document the sign-off\n\nEach commit ends with\n\n    Signed-off-by: Your Name <you@example.com>\n\nas the DCO asks.";
    assert.equal(text(quoted), quoted);
  });
});

describe("commitMessage", () => {
  it("gives subject and body of the stripped message, and the trailers apart", () => {
    assert.deepEqual(commitMessage("Fix the sign of add\n\nSums were differences.\n\nSigned-off-by: Ada <ada@example.com>\n"), {
      message: "Fix the sign of add\n\nSums were differences.",
      subject: "Fix the sign of add",
      body: "Sums were differences.",
      trailers: "Signed-off-by: Ada <ada@example.com>",
    });
  });

  it("drops the pull request number GitHub's squash merge puts after the subject, and only there", () => {
    assert.equal(commitMessage("Add widget resize support (#1)\n\nKeeps the ratio.").message, "Add widget resize support\n\nKeeps the ratio.");
    assert.equal(commitMessage("Add widget resize support (#1)").subject, "Add widget resize support");
    assert.equal(commitMessage("Explain (#1) in the docs").subject, "Explain (#1) in the docs");
    assert.equal(commitMessage("Add support\n\nSee the discussion (#12)").body, "See the discussion (#12)");
  });

  it("reads CRLF and lone CR line ends as LF", () => {
    const parsed = commitMessage("Squash the parser fixes (#12)\r\n\r\n* Quote paths\r\n* Keep tabs\rCo-authored-by: Bo <bo@example.com>\r\n");
    assert.equal(parsed.message, "Squash the parser fixes\n\n* Quote paths\n* Keep tabs");
    assert.equal(parsed.subject, "Squash the parser fixes");
    assert.ok(!/\r/.test(JSON.stringify(parsed)));
    assert.equal(normaliseNewlines("a\r\n\r\nb\rc\n"), "a\n\nb\nc\n");
  });
});

describe("commitMessage: what tools wrote", () => {
  it("drops an AI assistant's footer and its co-author trailer", () => {
    const claude = [
      "Add documentation for repeated flags functionality",
      "",
      "- Added a \"Repeated Flags\" section to the user guide",
      "",
      "🤖 Generated with [Claude Code](https://claude.com/claude-code)",
      "",
      "Co-Authored-By: Claude <noreply@anthropic.com>",
    ].join("\n");
    const parsed = commitMessage(claude);
    assert.equal(parsed.message, "Add documentation for repeated flags functionality\n\n- Added a \"Repeated Flags\" section to the user guide");
    assert.equal(parsed.trailers, "Co-Authored-By: Claude <noreply@anthropic.com>");
    for (const footer of ["Generated with Cursor", "_Generated by Copilot_", "🤖 Generated with [Some Agent](https://agent.example.com)", "Generated with [opencode](https://opencode.ai)"]) {
      assert.equal(commitMessage(`Quote paths in the log\n\nTabs broke it.\n\n${footer}`).message, "Quote paths in the log\n\nTabs broke it.", footer);
    }
  });

  it("keeps a person's sentence about generated code", () => {
    const own = "Regenerate the parser\n\nGenerated with bison 3.8 from grammar.y.";
    assert.equal(commitMessage(own).message, own);
  });

  it("drops all-repos' signature and the tokens that tell CI to skip, where they stand apart", () => {
    assert.equal(commitMessage("set up pre-commit lite workflow\n\nCommitted via https://github.com/asottile/all-repos").message, "set up pre-commit lite workflow");
    assert.equal(commitMessage("Set up CI with Azure Pipelines\n\n[skip ci]").message, "Set up CI with Azure Pipelines");
    assert.equal(commitMessage("Update the install docs [ci skip]").subject, "Update the install docs");
    assert.equal(commitMessage("[skip actions] Publish the site from main").subject, "Publish the site from main");
    assert.equal(commitMessage("Honour [skip ci] in the release workflow").subject, "Honour [skip ci] in the release workflow");
  });
});

describe("commitMessage: a squash merge's list", () => {
  it("drops the bullets that repeat the subject or are GitHub's and a branch's housekeeping, and the list when nothing is left", () => {
    const cobra = "feat: make InitDefaultCompletionCmd public (#1859)\n\n* feat: make InitDefaultCompletionCmd public\n\n* PR comments\n\n* Update man_docs_test.go\n\n* Update README.md";
    assert.equal(commitMessage(cobra).message, "feat: make InitDefaultCompletionCmd public");
    const housekeeping = ["Create labeler.yml", "Apply suggestions from code review", "Merge branch 'main' into labels", "address review", "fix", "lint", "typo", "ci: style", "run gofmt"];
    const message = `Add the labeler action\n\n${housekeeping.map((b) => `* ${b}`).join("\n\n")}`;
    assert.equal(commitMessage(message).message, "Add the labeler action");
  });

  it("keeps the bullets with content, their commits' bodies, and the author's own lists", () => {
    const squash = [
      "Fix tests so they give correct args (#559)",
      "",
      "* Fix tests so they give correct args",
      "",
      "Shell already deletes all quotes, so we don't test it.",
      "",
      "* Simplify stripFlags",
      "",
      "* fix",
      "",
      "* update Example in README.md (#769)",
    ].join("\n");
    assert.equal(
      commitMessage(squash).message,
      "Fix tests so they give correct args\n\nShell already deletes all quotes, so we don't test it.\n\n* Simplify stripFlags\n\n* update Example in README.md",
    );
    const own = "Explain the cache\n\nThis change:\n* Update README.md\n* fix";
    assert.equal(commitMessage(own).message, own);
  });

  it("leaves a bullet inside a code block as it is, after bullets above it were dropped", () => {
    const squash = ["Show the squash format in the docs", "", "* lint", "", "* fix", "", "```text", "", "* Add retry (#12)", "", "```"].join("\n");
    assert.equal(commitMessage(squash).message, ["Show the squash format in the docs", "", "```text", "", "* Add retry (#12)", "", "```"].join("\n"));
  });
});

describe("commitMessage: references the diff does not tell", () => {
  it("drops the lines that are only references to issues and pull requests", () => {
    const message = [
      "Fix the sign of add",
      "",
      "Sums were differences.",
      "",
      "Fixes #53",
      "Closes #12, #13",
      "Resolves #2298",
      "fixes: #7",
      "See #4",
      "Refs #8",
      "* fixes #685",
      "https://github.com/pallets/click/issues/2911",
    ].join("\n");
    assert.equal(commitMessage(message).message, "Fix the sign of add\n\nSums were differences.");
    const refs = "Describe the tests\n\nRefs:\nhttps://github.com/pallets/click/pull/3030/files#r1\nhttps://github.com/pallets/click/pull/3030/files#r2";
    assert.equal(commitMessage(refs).message, "Describe the tests");
  });

  it("keeps a reference inside a sentence, also a link that ends the sentence above it", () => {
    for (const own of [
      "Clarify Group invocation\n\nAs discussed in #53, a Group is a callable.",
      "Update badge route\n\nBased on\nhttps://github.com/badges/shields/issues/8671",
      "Revert change so help is printed on stdout again\n\nTo follow the need of\nhttps://github.com/kubernetes/kubernetes/pull/26077\nthe help goes to stdout.",
      "Changelog for #639",
    ]) {
      assert.equal(commitMessage(own).message, own);
    }
  });

  it("drops a reference put before or after the subject, as the squash merge's (#N)", () => {
    const cases: [string, string][] = [
      ["Close #221 PR: add ruby events (conferences, meetups, etc.).", "add ruby events (conferences, meetups, etc.)."],
      ["Close GH-27: Added analytics tools to collection.", "Added analytics tools to collection."],
      ["Close #212 PR: Add the awesome manifesto. Fixes #207", "Add the awesome manifesto."],
      ["Issue #195: Compile mousetrap only on Windows", "Compile mousetrap only on Windows"],
      ["Optimize progressbar rendering.  This fixes #418", "Optimize progressbar rendering."],
      ["Moved Git Cheat Sheet to the Developer Environment section (fixes #187)", "Moved Git Cheat Sheet to the Developer Environment section"],
      ["sort `Miscellaneous` alphabetically - fixes #177", "sort `Miscellaneous` alphabetically"],
      ["Add functionality to hide the progress bar #2609", "Add functionality to hide the progress bar"],
      ['Revert "Get rid of flagErrorBuf (#417)"', 'Revert "Get rid of flagErrorBuf"'],
      ["Add explicit doc.GenMan SEE ALSO test covering #229", "Add explicit doc.GenMan SEE ALSO test covering #229"],
      ["Add note to CHANGES.rst about #3021", "Add note to CHANGES.rst about #3021"],
      ["Close #1152 by upgrading yaml.v2 to v2.3.0", "Close #1152 by upgrading yaml.v2 to v2.3.0"],
    ];
    for (const [raw, subject] of cases) assert.equal(commitMessage(raw).subject, subject, raw);
  });

  it("drops git's line from a revert and keeps the reason", () => {
    const revert = 'Revert "Use shlex.quote for quoting shell arguments"\n\nThis reverts commit e798f64ffde20c549e2e0df5834e4194c74adb0a.\n\nIt quoted "less -FRSX" as one word.';
    assert.equal(commitMessage(revert).message, 'Revert "Use shlex.quote for quoting shell arguments"\n\nIt quoted "less -FRSX" as one word.');
    const merge = 'Revert "Merge the cache"\n\nThis reverts commit 0123456, reversing\nchanges made to 89abcde.\n\nIt served stale prices.';
    assert.equal(commitMessage(merge).body, "It served stale prices.");
  });
});

describe("commitMessage: code is the author's", () => {
  it("keeps references, trailers, tools' footers, [skip ci] and bullets in a fenced or an indented block", () => {
    const fenced = [
      "Explain the reference syntax",
      "",
      "```text",
      "Fixes #123",
      "Closes: #45",
      "[skip ci]",
      "🤖 Generated with [Claude Code](https://claude.com/claude-code)",
      "",
      "* fix",
      "",
      "Signed-off-by: Your Name <you@example.com>",
      "```",
    ].join("\n");
    assert.equal(commitMessage(fenced).message, fenced);
    const indented = "Explain the reference syntax\n\n    Fixes #123\n    Closes owner/repo#4\n\n    [skip ci]\n\nand say that only these keywords close an issue.";
    assert.equal(commitMessage(indented).message, indented);
  });

  it("keeps an indented block's indentation when it opens the body", () => {
    const message = "Document the flag\n\n    gh-harvest local . --since 2024-01-01\n\nFixes #12";
    assert.equal(commitMessage(message).body, "    gh-harvest local . --since 2024-01-01");
  });
});

describe("commitMessage: what is left around what goes", () => {
  it("drops GitHub's rule over a squash merge's co-authors, and a rule over a tool's footer", () => {
    const squash = "Title (#21)\n\n* Add retry\n\n* handle 429\n\n---------\n\nCo-authored-by: Bob <bob@x>";
    assert.equal(commitMessage(squash).message, "Title\n\n* Add retry\n\n* handle 429");
    const footer = "Add a progress bar\n\nShows it on stderr.\n\n---\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude Opus 4 <noreply@anthropic.com>";
    assert.equal(commitMessage(footer).message, "Add a progress bar\n\nShows it on stderr.");
  });

  it("drops a heading over nothing but references", () => {
    assert.equal(commitMessage("Speed up the cold start\n\nLazy-loads the plugins.\n\n## Fixes\n\n- #12\n- #13").message, "Speed up the cold start\n\nLazy-loads the plugins.");
  });

  it("drops the lines of other reference words and of pings, and keeps a sentence that says more", () => {
    const message = "Split the parser\n\nPart of #99. Follow-up to #88.\nDepends on #77\nSupersedes #73\n> Fixes #12\ncc @carol @dave-k\n\nThe lexer emits tokens.\n\nThis fixes #12 by caching the token until it expires.";
    assert.equal(commitMessage(message).message, "Split the parser\n\nThe lexer emits tokens.\n\nThis fixes #12 by caching the token until it expires.");
  });
});
