// Which lines of a person's text are code, as Markdown (CommonMark) reads it: those of a
// fenced block, its fences included (fences.ts reads them, for every check that cares where
// code is), and those of an indented block (four spaces or a tab, after a blank line, a
// heading or the text's start; an indented line under a paragraph continues it). None of the
// cleanups of a text (references, trailers, tools' footers, [skip ci], blank lines) touches
// them: "Fixes #123" in a snippet that shows the syntax is the author's, and so is a blank
// line between two functions. A list item's indented paragraph counts as code too: kept whole.
import { fencedBlocks } from "../validate/fences.js";

const INDENTED = /^(?: {4}| {0,3}\t)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const isBlank = (line: string) => line.trim() === "";

/** For each line, whether it is code. */
export function codeLines(lines: readonly string[]): boolean[] {
  const code = lines.map(() => false);
  const text = lines.join("\n");
  let line = 0;
  let at = 0;
  for (const block of fencedBlocks(text)) {
    const end = block.end ?? text.length + 1;
    for (; line < lines.length && at < end; at += lines[line]!.length + 1, line++) code[line] = at >= block.start;
  }
  // Indented blocks: blank lines inside one are code, those after its last line are not.
  let opens = true;
  let blanks: number[] = [];
  let inBlock = false;
  lines.forEach((text, i) => {
    if (isBlank(text) && !code[i]) {
      if (inBlock) blanks.push(i);
      opens = true;
      return;
    }
    if (!code[i] && INDENTED.test(text) && (opens || inBlock)) {
      for (const blank of blanks) code[blank] = true;
      code[i] = true;
      inBlock = true;
    } else {
      // After a fenced block, as after a heading, an indented line opens a block.
      inBlock = false;
      opens = code[i] || HEADING.test(text);
    }
    blanks = [];
  });
  return code;
}
