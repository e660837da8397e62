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
