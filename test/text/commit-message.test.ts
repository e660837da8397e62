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

  it("keeps trailers of other kinds, and any above the last paragraph", () => {
    assert.equal(text("Fix the leak\n\nBug: 1234\nFixes: #12"), "Fix the leak\n\nBug: 1234\nFixes: #12");
    const middle = "Explain the sign-offs\n\nSigned-off-by: is what we ask for.\n\nSee CONTRIBUTING.md for the reasons.";
    assert.equal(text(middle), middle);
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
    assert.equal(commitMessage("Add widget resize support (#1)\n\nFixes #10").message, "Add widget resize support\n\nFixes #10");
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
