// The little of Markdown that template stripping needs: which lines are headings (and of
// what level), task-list items (checked or not), blank, or anything else. Lines inside a
// fenced code block are text: a `# comment` in a shell snippet is not a heading.

export type LineKind = "heading" | "task" | "blank" | "text";

export interface MarkdownLine {
  text: string;
  kind: LineKind;
  /** A heading's level, 1 for `#` to 6 for `######`. */
  level: number;
  /** A task item's box: `[x]` or `[X]`. */
  checked: boolean;
}

const HEADING = /^\s{0,3}(#{1,6})\s+\S/;
/** GitHub's task lists: `- [ ]`, `* [x]`, `+ [X]`, `1. [ ]`. */
const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\](?:\s|$)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function markdownLines(text: string): MarkdownLine[] {
  let fence: string | undefined;
  return text.split("\n").map((line) => {
    const plain = { text: line, kind: "text" as LineKind, level: 0, checked: false };
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      // A fence closes with the same character, at least as long.
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      return plain;
    }
    if (opener) {
      fence = opener;
      return plain;
    }
    if (line.trim() === "") return { ...plain, kind: "blank" };
    const heading = HEADING.exec(line);
    if (heading) return { ...plain, kind: "heading", level: heading[1]?.length ?? 1 };
    const task = TASK.exec(line);
    if (task) return { ...plain, kind: "task", checked: task[1] !== " " };
    return plain;
  });
}

/**
 * The headings whose section is empty: no line but blanks before the next
 * heading of the same or a higher level (or the end). A subsection that is kept is content
 * of its parent; one that is empty is not, so `## A` over an empty `### B` is empty too.
 */
export function emptyHeadings(lines: readonly MarkdownLine[]): Set<MarkdownLine> {
  const empty = new Set<MarkdownLine>();
  // Walking up from the end: the first kept, non-blank line below the current one.
  let below: MarkdownLine | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as MarkdownLine;
    if (line.kind === "blank") continue;
    if (line.kind === "heading" && (below === undefined || (below.kind === "heading" && below.level <= line.level))) {
      empty.add(line);
      continue;
    }
    below = line;
  }
  return empty;
}
