// Text filters usable in templates as `{{body | stripTemplate | trim}}`.
import { REFERENCE, stripReferenceLines } from "../text/references.js";
import { stripTrailers as stripMessageTrailers } from "../text/trailers.js";
import { fencedBlocks } from "../validate/fences.js";
import { collapseBlankLines, stripHtmlComments, stripTemplate, withoutLines } from "./strip-template.js";

export { collapseBlankLines, stripHtmlComments, stripTemplate };

const CLOSING_LINE = new RegExp(
  String.raw`^.*\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|addressed|implemented)\b:?(?:\s+(?:by|in|with|via))?\s+(?:${REFERENCE}).*$` +
    String.raw`|^.*https?:\/\/\S+\/pull\/\d+\S*.*$`,
  "im",
);

/** Lines that give the answer away: "Fixes #12", "fixed by #12", links to the fixing PR. */
export function stripClosingRefs(text: string): string {
  return withoutLines(text, (lines) => new Set(lines.filter((line) => line.kind !== "code" && CLOSING_LINE.test(line.text))));
}

/**
 * Lines that are only references to issues or pull requests ("Fixes #12", "Closes #3, #4",
 * a PR's link alone) or pings ("cc @alice"), read as in commit messages: numbers and names a
 * model would learn to make up.
 */
export const stripIssueRefs = stripReferenceLines;

/**
 * A body's trailer block and people's sign-offs, as a commit message loses them: GitHub fills
 * a one-commit pull request's body with the commit's message, Signed-off-by and all. Code
 * that shows a trailer ("add `Signed-off-by:` like this") is the author's text.
 */
export function stripTrailers(text: string): string {
  return stripMessageTrailers(text).text;
}

export function firstLine(text: string): string {
  const at = text.indexOf("\n");
  return (at === -1 ? text : text.slice(0, at)).trim();
}

export function afterFirstLine(text: string): string {
  const at = text.indexOf("\n");
  return at === -1 ? "" : text.slice(at + 1).trim();
}

/** Fenced code blocks only (closed ones), joined by blank lines. */
export function codeBlocks(text: string): string {
  return fencedBlocks(text)
    .flatMap((block) => (block.end === undefined ? [] : [text.slice(block.start, block.end)]))
    .join("\n\n");
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
