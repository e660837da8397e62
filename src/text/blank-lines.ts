// What is left of a text where lines were taken out of it (trailers, a tool's footer, a line
// of references): the blank lines around them, which would stand in a row, and a horizontal
// rule with nothing left under it (GitHub's "---------" over a squash merge's co-authors, the
// "---" over an assistant's footer). Code is left as it is: two blank lines between functions
// are the author's.
import { codeLines } from "./code-lines.js";

/** A thematic break: three or more -, * or _, maybe spaced. */
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const isBlank = (line: string) => line.trim() === "";

/**
 * The text with blank lines in a row as one and none at either end, without a rule that
 * nothing but blank lines or another rule follows (set apart by a blank line above it: under
 * a paragraph, "---" makes it a heading); code as it is.
 */
export function squeezeBlankLines(text: string): string {
  const lines = text.split("\n");
  const code = codeLines(lines);
  const kept: number[] = [];
  const prose = (i: number | undefined) => i !== undefined && !code[i];
  const blankProse = (i: number | undefined) => prose(i) && isBlank(lines[i!]!);
  const rule = (i: number | undefined) => prose(i) && RULE.test(lines[i!]!) && (i === 0 || blankProse(i! - 1));
  const dropEnd = () => {
    // A rule goes when it is last, the blank lines after it discounted.
    while (kept.length > 0 && (blankProse(kept.at(-1)) || rule(kept.at(-1)))) kept.pop();
  };
  lines.forEach((line, i) => {
    if (blankProse(i) && (kept.length === 0 || blankProse(kept.at(-1)))) return;
    if (rule(i)) {
      // A rule over nothing but the one before it: the one before goes.
      let last = kept.length - 1;
      while (last >= 0 && blankProse(kept[last])) last--;
      if (last >= 0 && rule(kept[last])) kept.splice(last);
    }
    kept.push(i);
  });
  dropEnd();
  return kept.map((i) => (blankProse(i) ? "" : lines[i]!)).join("\n").trimEnd();
}

/**
 * The text with `edit` applied to each line that is not code: the line it gives back, or none
 * for undefined. Unchanged when no line changes; else squeezed (see squeezeBlankLines).
 */
export function editProse(text: string, edit: (line: string, index: number) => string | undefined): string {
  const lines = text.split("\n");
  const code = codeLines(lines);
  let changed = false;
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const edited = code[i] ? line : edit(line, i);
    if (edited !== line) changed = true;
    if (edited !== undefined) kept.push(edited);
  });
  return changed ? squeezeBlankLines(kept.join("\n")) : text;
}
