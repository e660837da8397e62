// Text filters usable in templates as `{{body | stripTemplate | trim}}`.

/** HTML comments: PR and issue templates are full of instructions to the author. */
export function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, "");
}

const CHECKLIST_ITEM = /^\s*[-*]\s+\[[ xX]\]\s.*$/;
const HEADING = /^\s{0,3}#{1,6}\s+\S/;

/**
 * A PR or issue body with its template residue removed: HTML comments, checklists,
 * and headings whose section was left empty.
 */
export function stripTemplate(text: string): string {
  const lines = stripHtmlComments(text)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => !CHECKLIST_ITEM.test(line));
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (HEADING.test(line)) {
      let j = i + 1;
      while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
      if (j >= lines.length || HEADING.test(lines[j] ?? "")) continue; // an empty section
    }
    kept.push(line);
  }
  return collapseBlankLines(kept.join("\n")).trim();
}

export function collapseBlankLines(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n");
}

const REF = String.raw`(?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/\S+\/(?:pull|issues)\/\d+\S*`;
const CLOSING_LINE = new RegExp(
  String.raw`^.*\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|addressed|implemented)\b:?(?:\s+(?:by|in|with|via))?\s+(?:${REF}).*$` +
    String.raw`|^.*https?:\/\/\S+\/pull\/\d+\S*.*$`,
  "gim",
);

/** Lines that give the answer away: "Fixes #12", "fixed by #12", links to the fixing PR. */
export function stripClosingRefs(text: string): string {
  return collapseBlankLines(text.replace(CLOSING_LINE, "")).trim();
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
