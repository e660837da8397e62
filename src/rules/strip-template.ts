// What a PR or issue template leaves in a body the author filled in: its instructions
// (HTML comments), its sections the author left empty, GitHub issue forms' "_No response_"
// for a field left blank, and the checklist boxes nobody ticked. Everything the author
// wrote or ticked stays: that is the text the rules learn from.
import { squeezeBlankLines } from "../text/blank-lines.js";
import { normaliseNewlines } from "../text/newlines.js";
import { emptyHeadings, markdownLines, type MarkdownLine } from "./markdown-lines.js";

const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/** HTML comments: PR and issue templates are full of instructions to the author. */
export function stripHtmlComments(text: string): string {
  return text.replace(HTML_COMMENT, "");
}

export function collapseBlankLines(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n");
}

/** What an issue form writes for a field left empty. */
const NO_RESPONSE = /^\s*_No response_\s*$/;

/** Task items of sections (under a heading) that hold nothing but task items. */
function checklistSectionTasks(lines: readonly MarkdownLine[]): Set<MarkdownLine> {
  const tasks = new Set<MarkdownLine>();
  let section: MarkdownLine[] | undefined;
  const close = () => {
    if (section && section.length > 0 && section.every((line) => line.kind === "task")) for (const line of section) tasks.add(line);
  };
  for (const line of lines) {
    if (line.kind === "heading") {
      close();
      section = [];
    } else if (line.kind !== "blank") {
      section?.push(line);
    }
  }
  close();
  return tasks;
}

/**
 * An unticked box is the template's, not the author's, when the body was written from a
 * template (it holds a template's HTML comments) or when it sits in a section of nothing
 * but boxes ("## Checklist", "## Type of change"): options that did not apply, or checks
 * not done, neither of which describes the change. A ticked box is the author's statement
 * and stays; so does an unticked one in the author's own list ("This PR:\n- [x] ...\n- [ ] ...").
 * The price: in a templated body, the author's own unticked follow-ups go too.
 */
export function stripTemplate(text: string): string {
  const fromTemplate = /<!--[\s\S]*?-->/.test(text);
  const lines = markdownLines(normaliseNewlines(stripHtmlComments(text)));
  const inChecklist = checklistSectionTasks(lines);
  const kept = lines.filter((line) => {
    if (line.kind === "text" && NO_RESPONSE.test(line.text)) return false;
    return !(line.kind === "task" && !line.checked && (fromTemplate || inChecklist.has(line)));
  });
  return joinLines(withoutEmptySections(kept));
}

/** The lines without the headings of empty sections (only those `only` names, when given). */
export function withoutEmptySections(lines: readonly MarkdownLine[], only?: (heading: MarkdownLine) => boolean): MarkdownLine[] {
  const empty = emptyHeadings(lines);
  return lines.filter((line) => !empty.has(line) || (only !== undefined && !only(line)));
}

/** The lines as a text, without blank lines in a row (code aside) or at either end. */
export function joinLines(lines: readonly MarkdownLine[]): string {
  return squeezeBlankLines(lines.map((line) => line.text).join("\n"));
}

/**
 * The text without the lines `drop` picks. A heading whose section held only such lines
 * goes with them ("## Related issues" over "Fixes #12"); a section the author left empty
 * is not this filter's to judge.
 */
export function withoutLines(text: string, drop: (lines: readonly MarkdownLine[]) => Set<MarkdownLine>): string {
  const lines = markdownLines(text);
  const dropped = drop(lines);
  if (dropped.size === 0) return joinLines(lines);
  const emptyBefore = emptyHeadings(lines);
  const kept = lines.filter((line) => !dropped.has(line));
  return joinLines(withoutEmptySections(kept, (heading) => !emptyBefore.has(heading)));
}
