// The little of Markdown that template stripping needs: which lines are headings (and of
// what level), task-list items (checked or not), blank, code, or anything else. Code is a
// fenced or an indented block's (code-lines.ts): a `# comment` in a shell snippet is not a
// heading, and no filter takes a line of it out.
import { codeLines } from "../text/code-lines.js";

export type LineKind = "heading" | "task" | "blank" | "code" | "text";

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

export function markdownLines(text: string): MarkdownLine[] {
  const lines = text.split("\n");
  const code = codeLines(lines);
  return lines.map((line, i) => {
    const plain = { text: line, kind: "text" as LineKind, level: 0, checked: false };
    if (code[i]) return { ...plain, kind: "code" };
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
