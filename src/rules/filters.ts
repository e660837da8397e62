// Text filters usable in templates as `{{body | stripTemplate | trim}}`.
import { emptyHeadings, markdownLines } from "./markdown-lines.js";
import { collapseBlankLines, joinLines, stripHtmlComments, stripTemplate, withoutEmptySections } from "./strip-template.js";

export { collapseBlankLines, stripHtmlComments, stripTemplate };

const REF = String.raw`(?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/\S+\/(?:pull|issues)\/\d+\S*`;
const CLOSING_LINE = new RegExp(
  String.raw`^.*\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|addressed|implemented)\b:?(?:\s+(?:by|in|with|via))?\s+(?:${REF}).*$` +
    String.raw`|^.*https?:\/\/\S+\/pull\/\d+\S*.*$`,
  "im",
);

/**
 * Lines that give the answer away: "Fixes #12", "fixed by #12", links to the fixing PR.
 * A heading whose section held only such lines goes with them ("## Related issues" over
 * "Fixes #12"); a section the author left empty is not this filter's to judge.
 */
export function stripClosingRefs(text: string): string {
  const lines = markdownLines(text);
  const emptyBefore = emptyHeadings(lines);
  const kept = lines.filter((line) => !CLOSING_LINE.test(line.text));
  if (kept.length === lines.length) return joinLines(lines);
  return joinLines(withoutEmptySections(kept, (heading) => !emptyBefore.has(heading)));
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
  collapseBlankLines,
  codeBlocks,
} as const satisfies Record<string, (s: string) => string>;

export type FilterName = keyof typeof FILTERS;

export function isFilterName(name: string): name is FilterName {
  return Object.hasOwn(FILTERS, name);
}
