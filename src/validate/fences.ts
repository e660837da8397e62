// Markdown's fenced code blocks, read one way for every check that cares where code is: a
// line of three or more backticks or tildes (indented at most three spaces) opens a block, and
// a line of the same character, at least as long, with nothing after it, closes it (CommonMark).

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/gm;

export interface FencedBlock {
  /** The opening fence: "```", "~~~~". */
  fence: string;
  /** What follows the opening fence: the language ("python", "{.make}"). */
  info: string;
  /** Where the opening line starts. */
  start: number;
  /** Where the code starts: after the opening line. */
  bodyStart: number;
  /** Where the closing line starts; undefined when the block is never closed. */
  bodyEnd: number | undefined;
  /** After the closing line; undefined when the block is never closed. */
  end: number | undefined;
}

/** The fenced blocks of `text` that open before `until`, in order; the last may be open. */
export function fencedBlocks(text: string, until = text.length): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  if (!text.includes("```") && !text.includes("~~~")) return blocks;
  let open: FencedBlock | undefined;
  // matchAll iterates over a copy of the expression: nested calls do not disturb it.
  for (const m of text.matchAll(FENCE_LINE)) {
    if (m.index >= until) break;
    const fence = m[1]!;
    if (!open) {
      open = { fence, info: m[2]!, start: m.index, bodyStart: Math.min(m.index + m[0].length + 1, text.length), bodyEnd: undefined, end: undefined };
      blocks.push(open);
    } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && m[2]!.trim() === "") {
      open.bodyEnd = m.index;
      open.end = m.index + m[0].length;
      open = undefined;
    }
  }
  return blocks;
}

/** The block still open at `index` (a fence opened before it and not closed before it), if any. */
export function openFenceAt(text: string, index = text.length): FencedBlock | undefined {
  const last = fencedBlocks(text, index).at(-1);
  return last?.end === undefined ? last : undefined;
}
