// Text filters usable in templates as `{{body | stripTemplate | trim}}`.
import { REFERENCE, referenceLines } from "../text/references.js";
import { stripTrailers as stripMessageTrailers } from "../text/trailers.js";
import { fencedBlocks } from "../validate/fences.js";
import { emptyHeadings, markdownLines, type MarkdownLine } from "./markdown-lines.js";
import { collapseBlankLines, joinLines, stripHtmlComments, stripTemplate, withoutEmptySections } from "./strip-template.js";

export { collapseBlankLines, stripHtmlComments, stripTemplate };

const CLOSING_LINE = new RegExp(
  String.raw`^.*\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|addressed|implemented)\b:?(?:\s+(?:by|in|with|via))?\s+(?:${REFERENCE}).*$` +
    String.raw`|^.*https?:\/\/\S+\/pull\/\d+\S*.*$`,
  "im",
);

/**
 * The text without the lines `drop` picks. A heading whose section held only such lines
 * goes with them ("## Related issues" over "Fixes #12"); a section the author left empty
 * is not this filter's to judge.
 */
function withoutLines(text: string, drop: (lines: readonly MarkdownLine[]) => Set<MarkdownLine>): string {
  const lines = markdownLines(text);
  const dropped = drop(lines);
  if (dropped.size === 0) return joinLines(lines);
  const emptyBefore = emptyHeadings(lines);
  const kept = lines.filter((line) => !dropped.has(line));
  return joinLines(withoutEmptySections(kept, (heading) => !emptyBefore.has(heading)));
}

/** Lines that give the answer away: "Fixes #12", "fixed by #12", links to the fixing PR. */
export function stripClosingRefs(text: string): string {
  return withoutLines(text, (lines) => new Set(lines.filter((line) => CLOSING_LINE.test(line.text))));
}

/**
 * Lines that are only references to issues or pull requests ("Fixes #12", "Closes #3, #4",
 * a PR's link alone), read as in commit messages: numbers a model would learn to make up.
 */
export function stripIssueRefs(text: string): string {
  return withoutLines(text, (lines) => {
    const found = referenceLines(lines.map((line) => line.text));
    return new Set(lines.filter((_, i) => found.has(i)));
  });
}

/**
 * A body's trailer block and people's sign-offs, as a commit message loses them: GitHub fills
 * a one-commit pull request's body with the commit's message, Signed-off-by and all. Only
 * after the last code block: one that shows a trailer ("add `Signed-off-by:` like this") is
 * the author's text.
 */
export function stripTrailers(text: string): string {
  const last = fencedBlocks(text).at(-1);
  if (last && last.end === undefined) return text;
  const cut = last?.end ?? 0;
  const tail = stripMessageTrailers(text.slice(cut)).text;
  return cut === 0 ? tail : `${text.slice(0, cut)}${tail}`;
}

export function firstLine(text: string): string {
  const at = text.indexOf("\n");
  return (at === -1 ? text : text.slice(0, at)).trim();
}

export function afterFirstLine(text: string): string {
  const at = text.indexOf("\n");
  return at === -1 ? "" : text.slice(at + 1).trim();
}

/** Fenced code blocks only, joined by blank lines. */
export function codeBlocks(text: string): string {
  const blocks = text.match(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm) ?? [];
  return blocks.join("\n\n");
}

export const FILTERS = {
  trim: (s: string) => s.trim(),
  lower: (s: string) => s.toLowerCase(),
  oneLine: (s: string) => s.replace(/\s+/g, " ").trim(),
  firstLine,
  afterFirstLine,
  stripHtmlComments,
  stripTemplate,
  stripClosingRefs,
  stripIssueRefs,
  stripTrailers,
  collapseBlankLines,
  codeBlocks,
} as const satisfies Record<string, (s: string) => string>;

export type FilterName = keyof typeof FILTERS;

export function isFilterName(name: string): name is FilterName {
  return Object.hasOwn(FILTERS, name);
}
