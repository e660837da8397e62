// Checks on the code in a record: a Markdown fence opened and never closed (the rest of
// the answer renders as code, and a model learns to leave fences open), and indentation
// that mixes tabs and spaces within one file or code block (a model learns both).
import { problem, type Problem } from "./problem.js";
import { fencedBlocks, openFenceAt } from "./fences.js";
import type { TextField } from "./text-field.js";

export function fenceRule(field: TextField, out: Problem[]): void {
  if (field.role === "input") return; // a diff of a Markdown file may cut a fence in half
  const text = field.text;
  const open = openFenceAt(text);
  if (!open) return;
  const line = countLines(text, open.start);
  out.push(
    problem("unbalanced-fence", `the ${open.fence} code fence opened on line ${line} of ${field.path} is never closed`, {
      field: field.path,
      offset: field.base + open.start,
    }),
  );
}

/** Where a block mixes styles: lines indented by tabs and by 2+ spaces, or a space before a tab. */
interface Style {
  tab: RegExp;
  spaces: RegExp;
  spaceTab: RegExp;
}
const PLAIN: Style = { tab: /^\t+ *\S/m, spaces: /^ {2,}\S/m, spaceTab: /^ +\t/m };
// In a diff only the new version counts (context and added lines): a commit that replaces
// tab-indented lines by space-indented ones is a fix, not a mix.
const DIFF: Style = { tab: /^[ +]\t+ *\S/m, spaces: /^[ +] {2,}\S/m, spaceTab: /^[ +] +\t/m };

function mixedAt(block: string, style: Style): number | undefined {
  const spaceTab = style.spaceTab.exec(block);
  if (spaceTab) return spaceTab.index;
  const tab = style.tab.exec(block);
  if (!tab) return undefined;
  const spaces = style.spaces.exec(block);
  if (!spaces) return undefined;
  return Math.max(tab.index, spaces.index);
}

// make needs a tab before each recipe line (spaces there are a "missing separator" error),
// while continuation lines are aligned with spaces by convention: in a Makefile, only lines
// that do not continue the one before count.
const MAKEFILE_INFO = /^\s*\{?\.?(?:make|makefile|mk|gnumake)\b/i;
const MAKEFILE_PATH = /(?:^|\/)(?:GNUmakefile|[Mm]akefile|[^/]*\.mk)$/;
// A Markdown block quotes code blocks of its own (a README's Go and Python examples): each
// is a block of its own, not one block with both styles.
const MARKDOWN_INFO = /^\s*\{?\.?(?:markdown|md)\b/i;

/** The text with each line that continues the one before (after a `\\`) blanked out, offsets kept. */
function withoutContinuations(text: string): string {
  return text.replace(/(?<=\\\n)[^\n]*/g, (line) => "x".repeat(line.length));
}

/** Where the first code block that mixes styles does, in text that holds fenced blocks. */
function mixedInBlocks(text: string): number | undefined {
  for (const block of fencedBlocks(text)) {
    if (block.bodyEnd === undefined) continue; // an open fence is unbalanced-fence's
    const body = text.slice(block.bodyStart, block.bodyEnd);
    const at = MARKDOWN_INFO.test(block.info) ? mixedInBlocks(body) : mixedAt(MAKEFILE_INFO.test(block.info) ? withoutContinuations(body) : body, PLAIN);
    if (at !== undefined) return block.bodyStart + at;
  }
  return undefined;
}

export function mixedIndentationRule(field: TextField, out: Problem[]): void {
  const text = field.text;
  if (!text.includes("\t")) return; // no tab, no mix: the common case costs one scan
  const report = (index: number, where: string): void => {
    out.push(
      problem("mixed-indentation", `${field.path} mixes tab and space indentation${where}; use one or the other`, {
        field: field.path,
        offset: field.base + index,
      }),
    );
  };
  if (field.role === "input" && isDiff(text)) {
    let start = 0;
    while (start < text.length) {
      const next = text.indexOf("\ndiff --git ", start);
      const end = next < 0 ? text.length : next + 1;
      const section = text.slice(start, end);
      const file = fileOf(section);
      const at = mixedAt(MAKEFILE_PATH.test(file) ? withoutContinuations(section) : section, DIFF);
      if (at !== undefined) return report(start + at, file ? ` in ${file}` : "");
      start = end;
    }
    return;
  }
  if (text.includes("```") || text.includes("~~~")) {
    const at = mixedInBlocks(text);
    if (at !== undefined) report(at, " in a code block");
    return;
  }
  if (field.role === "input") {
    const at = mixedAt(text, PLAIN);
    if (at !== undefined) report(at, "");
  }
}

function isDiff(text: string): boolean {
  return text.startsWith("diff --git ") || text.startsWith("@@ ") || text.startsWith("--- ");
}

/** The file a diff section is about; "" when it has no header. */
function fileOf(section: string): string {
  const m = /^diff --git a\/\S+ b\/(\S+)/.exec(section);
  return m ? m[1]! : "";
}

function countLines(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
