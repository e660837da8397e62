import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stripClosingRefs, stripIssueRefs, stripTemplate, stripTrailers } from "../../src/rules/filters.js";

const lines = (...text: string[]) => text.join("\n");

describe("stripTemplate", () => {
  it("keeps a body written as a task list: the boxes are the author's words", () => {
    const body = lines(
      "This PR:",
      "- [x] adds a COLORS constant with the three base colors used by the widget renderer",
      "- [x] exports it from src/colors.js so themes can import it",
      "- [ ] keeps the existing defaults unchanged",
    );
    assert.equal(stripTemplate(body.replaceAll("\n", "\r\n")), body);
  });

  it("keeps ticked boxes of a template's checklist and drops the unticked ones", () => {
    const body = lines(
      "<!-- Thanks for contributing! -->",
      "## Summary",
      "Adds resize so widgets can change size after creation.",
      "",
      "## Checklist",
      "- [x] I have added tests",
      "- [ ] I have updated the docs",
    );
    assert.equal(stripTemplate(body), lines("## Summary", "Adds resize so widgets can change size after creation.", "", "## Checklist", "- [x] I have added tests"));
  });

  it("drops the unticked boxes of a section of boxes only (and an emptied heading), even without template comments", () => {
    const body = lines("## What", "Widgets can be resized.", "", "## Type of change", "- [ ] Bug fix", "* [x] New feature", "1. [ ] Breaking change", "", "## Follow-ups", "- [ ] Docs");
    assert.equal(stripTemplate(body), lines("## What", "Widgets can be resized.", "", "## Type of change", "* [x] New feature"));
  });

  it("removes sections an issue form filled with _No response_, and a parent left empty by them", () => {
    const body = lines(
      "### What happened?",
      "",
      "The widget list overflows on a 320px screen.",
      "",
      "### Steps to reproduce",
      "",
      "_No response_",
      "",
      "## Environment",
      "### Browser",
      "",
      "_No response_",
    );
    assert.equal(stripTemplate(body), lines("### What happened?", "", "The widget list overflows on a 320px screen."));
  });

  it("keeps a heading whose section has only subsections with content", () => {
    const body = lines("## Details", "### Cause", "A sign error in add().");
    assert.equal(stripTemplate(body), body);
  });

  it("does not read lines of a fenced code block as headings or boxes", () => {
    const body = lines("## Usage", "```sh", "# install", "# then build", "- [ ] not a box", "```");
    assert.equal(stripTemplate(`<!-- how -->\n${body}`), body);
  });
});

describe("stripClosingRefs", () => {
  it("removes a heading whose section held only closing references, not one the author left empty", () => {
    const body = lines("## Notes", "", "## Summary", "", "Adds resize.", "", "## Related issues", "", "Fixes #10", "Closes acme/widgets#12");
    assert.equal(stripClosingRefs(body), lines("## Notes", "", "## Summary", "", "Adds resize."));
  });

  it("after stripTemplate, leaves no heading of a section that only the references kept", () => {
    const body = lines("<!-- describe -->", "## Summary", "Adds resize.", "", "## Checklist", "", "- [ ] I have updated the docs", "", "Fixes #10");
    assert.equal(stripClosingRefs(stripTemplate(body)), lines("## Summary", "Adds resize."));
  });
});

describe("stripIssueRefs", () => {
  it("removes lines of references only, as commit messages lose them, and a heading left over them", () => {
    const body = lines("Adds resize.", "", "Fixes #10", "Closes #11, #12", "https://github.com/acme/widgets/issues/9", "", "## Related", "", "See acme/widgets#3");
    assert.equal(stripIssueRefs(body), "Adds resize.");
  });

  it("keeps references inside sentences, which stripClosingRefs does not", () => {
    const body = "Adds resize; this fixes #10 by keeping the ratio.\n\nAs discussed in #53, the old size stays the default.";
    assert.equal(stripIssueRefs(body), body);
    assert.equal(stripClosingRefs(body), "As discussed in #53, the old size stays the default.");
  });
});

describe("stripTrailers", () => {
  it("removes the sign-offs GitHub copies from a one-commit PR's message into its body", () => {
    const body = lines("Retry the upload when the server answers 503.", "", "Signed-off-by: Mona Lisa <mona@example.com>", "Co-authored-by: Hubot <hubot@example.com>");
    assert.equal(stripTrailers(body), "Retry the upload when the server answers 503.");
  });

  it("keeps a body's own last paragraph with a colon, and trailers shown in a code block", () => {
    const note = lines("Retry the upload.", "", "Note: the retry waits a second.");
    assert.equal(stripTrailers(note), note);
    const howTo = lines("Sign each commit off:", "", "```", "Signed-off-by: Your Name <you@example.com>", "```");
    assert.equal(stripTrailers(howTo), howTo);
    const after = lines("Sign commits off:", "", "```", "Signed-off-by: Your Name <you@example.com>", "```", "", "Signed-off-by: Mona Lisa <mona@example.com>");
    assert.equal(stripTrailers(after), lines("Sign commits off:", "", "```", "Signed-off-by: Your Name <you@example.com>", "```"));
  });
});

describe("the filters leave code alone", () => {
  const code = lines(
    "The parser reads references like these:",
    "",
    "```text",
    "Fixes #123",
    "Closes: #45",
    "```",
    "",
    "````",
    "```",
    "Closes #9",
    "```",
    "````",
    "",
    "~~~md",
    "## Related issues",
    "",
    "Fixes #123",
    "~~~",
    "",
    "    Fixes #999",
    "    Signed-off-by: Your Name <you@example.com>",
    "",
    "It ignores `#123` inside inline code.",
  );

  it("keeps fenced blocks (any fence, as CommonMark closes them) and indented blocks whole", () => {
    assert.equal(stripIssueRefs(code), code);
    assert.equal(stripClosingRefs(code), code);
    assert.equal(stripTrailers(code), code);
    assert.equal(stripTemplate(code), code);
  });

  it("keeps a block's blank lines, and takes out the references around it", () => {
    const python = lines("Fixes #12", "", "```python", "def a():", "    pass", "", "", "def b():", "    pass", "```", "", "", "", "Closes #13");
    assert.equal(stripIssueRefs(python), lines("```python", "def a():", "    pass", "", "", "def b():", "    pass", "```"));
    assert.equal(stripClosingRefs(python), lines("```python", "def a():", "    pass", "", "", "def b():", "    pass", "```"));
  });

  it("keeps a block that shows trailers, also above the end", () => {
    const howTo = lines("Sign each commit off:", "", "```", "Signed-off-by: Your Name <you@example.com>", "", "Co-authored-by: Bo <bo@example.com>", "```", "", "Signed-off-by: Mona Lisa <mona@example.com>");
    assert.equal(stripTrailers(howTo), lines("Sign each commit off:", "", "```", "Signed-off-by: Your Name <you@example.com>", "", "Co-authored-by: Bo <bo@example.com>", "```"));
  });

  it("reads an indented line under a paragraph as part of it, and a block's indentation as the code's", () => {
    const body = lines("Fixes the crash on an empty config:", "    Fixes #12", "", "    npm test", "", "Fixes #13");
    assert.equal(stripIssueRefs(body), lines("Fixes the crash on an empty config:", "", "    npm test"));
    assert.equal(stripIssueRefs(lines("    npm test", "", "Fixes #13")), "    npm test");
  });
});

describe("a rule left with nothing under it", () => {
  it("goes where an assistant's footer was, and where a squash merge's co-authors were", () => {
    assert.equal(
      stripTrailers(lines("Shows a progress bar on stderr when it is a TTY.", "", "---", "", "Co-Authored-By: Claude Opus 4 <noreply@anthropic.com>")),
      "Shows a progress bar on stderr when it is a TTY.",
    );
    assert.equal(stripIssueRefs(lines("Adds resize.", "", "---", "", "Fixes #12", "", "***", "", "More on resize.")), lines("Adds resize.", "", "***", "", "More on resize."));
  });

  it("stays between text, in code, and under a paragraph (where it makes a heading)", () => {
    for (const body of [lines("Adds resize.", "", "---", "", "More."), lines("```yaml", "a: 1", "---", "```"), lines("Adds resize.", "", "Notes", "---")]) {
      assert.equal(stripIssueRefs(lines(body, "", "Fixes #12")), body);
    }
  });
});

describe("stripIssueRefs: more references", () => {
  it("removes references under a heading, and the heading when nothing else is left under it", () => {
    const body = lines(
      "## Summary",
      "",
      "Adds the lexer as its own module.",
      "",
      "## Issue",
      "",
      "https://github.com/acme/widgets/issues/12",
      "",
      "## Fixes",
      "",
      "- #12",
      "- #13",
      "",
      "## How to test",
      "",
      "1. `npm test`",
    );
    assert.equal(stripIssueRefs(body), lines("## Summary", "", "Adds the lexer as its own module.", "", "## How to test", "", "1. `npm test`"));
  });

  it("removes lines of other reference words, of two statements, of tasks and of quotes", () => {
    for (const line of [
      "Depends on #77",
      "Blocked by #76",
      "Duplicate of #75",
      "Replaces #74",
      "Supersedes #73",
      "Part of #99. Follow-up to #88.",
      "- [x] Fixes #12",
      "- [ ] Closes #13",
      "1. Fixes #12",
      "> Fixes #12",
      "This PR fixes #12.",
      "This change closes acme/widgets#3",
    ]) {
      assert.equal(stripIssueRefs(lines("Adds the lexer as its own module.", "", line)), "Adds the lexer as its own module.", line);
    }
  });

  it("reads a long line that is not one quickly (each space has one place in the pattern)", () => {
    const statements = Array.from({ length: 40 }, (_, i) => `see also:  issue  #${i}  ,  #1`).join(" . ");
    const body = lines("Adds the lexer.", "", `- [x] ${statements} and more`, `cc ${"@a  ,  ".repeat(40)}x`);
    assert.equal(stripIssueRefs(body), body);
    assert.equal(stripIssueRefs(lines("Adds the lexer.", "", `- [x] ${statements}`)), "Adds the lexer.");
  });

  it("removes the lines that only ping people", () => {
    for (const line of ["cc @carol @dave-k", "/cc @alice", "CC: @team/reviewers", "cc: @alice, @bob and @carol"]) {
      assert.equal(stripIssueRefs(lines("Adds the lexer as its own module.", "", line)), "Adds the lexer as its own module.", line);
    }
  });

  it("keeps sentences that say more, words in other languages, and a mention in a sentence", () => {
    for (const line of [
      "This fixes #12 by caching the token until it expires.",
      "Fixes #12: the crash when the config is empty",
      "Depends on #77 being merged first, since it adds the token type.",
      "cc @carol @dave-k — thanks @erin for the report!",
      "@alice what do you think?",
      "@deprecated",
      "Behebt #12",
    ]) {
      const body = lines("Adds the lexer as its own module.", "", line);
      assert.equal(stripIssueRefs(body), body, line);
    }
  });
});
