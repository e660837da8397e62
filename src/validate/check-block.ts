// A block of whole lines, bytes to results: lines split on 0x0A, a UTF-8 BOM at the start
// of the file and a CR before the LF dropped, blank lines skipped (they are not records),
// UTF-8 checked for the whole block at once and walked byte by byte only where broken.
// The unit of work of a worker thread, so it takes bytes and returns plain data.
import { isUtf8 } from "node:buffer";
import { checkLine, type LineCheckOptions, type LineResult } from "./check-line.js";
import { problem, withCommas } from "./problem.js";
import { describeByte, firstInvalidUtf8 } from "./utf8.js";
import { MAX_LINE_BYTES, type LineBlock } from "./line-blocks.js";

export function checkBlock(block: LineBlock, options: LineCheckOptions): LineResult[] {
  if (block.overlong !== undefined) return [overlongLine(block, block.overlong, options)];
  const { bytes } = block;
  const results: LineResult[] = [];
  const valid = isUtf8(bytes);
  let line = block.firstLine;
  let start = 0;
  if (block.byteOffset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length) {
    const nl = bytes.indexOf(10, start);
    const next = nl < 0 ? bytes.length : nl + 1;
    let end = nl < 0 ? bytes.length : nl;
    if (end > start && bytes[end - 1] === 13) end--;
    if (!isBlankLine(bytes, start, end)) results.push(checkBytes(block, start, end, line, valid, options));
    line++;
    start = next;
  }
  return results;
}

function checkBytes(block: LineBlock, start: number, end: number, line: number, blockValid: boolean, options: LineCheckOptions): LineResult {
  const { bytes } = block;
  const text = bytes.toString("utf8", start, end);
  if (blockValid) return checkLine(text, line, options);
  const bad = firstInvalidUtf8(bytes, start, end);
  if (bad < 0) return checkLine(text, line, options);
  // Checked anyway, with U+FFFD for the broken bytes: its other problems are still worth knowing.
  const result = checkLine(text, line, options);
  if (options.enabled("invalid-utf8")) {
    const at = block.byteOffset + start + bad;
    result.problems.unshift(
      problem("invalid-utf8", `invalid UTF-8 byte ${describeByte(bytes, start + bad)} at byte offset ${at} of the file (byte ${bad + 1} of the line)`, {
        line,
        column: bad + 1,
        byteOffset: at,
      }),
    );
  }
  return result;
}

/** A line skipped for its length (MAX_LINE_BYTES): its problem, and no record. */
function overlongLine(block: LineBlock, bytes: number, options: LineCheckOptions): LineResult {
  const mb = (n: number) => `${withCommas(Math.round(n / (1 << 20)))} MB`;
  const p = problem(
    "line-too-long",
    `the line is ${mb(bytes)} long, over the ${mb(MAX_LINE_BYTES)} read as one record, and was skipped (a whole dataset written as one JSON array? write one record a line)`,
    { line: block.firstLine, column: 1 },
  );
  return { line: block.firstLine, problems: options.enabled("line-too-long") ? [p] : [] };
}

function isBlankLine(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 13) return false;
  }
  return true;
}
