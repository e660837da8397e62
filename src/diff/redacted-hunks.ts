// A record's diff must `git apply` at the parent (the CLI contract), and redaction may rewrite
// any of its lines: an e-mail address in a package.json's "author" line, a key. On an added
// line ("+") that changes nothing for git apply. On an unchanged line (" ") the patch no longer
// matches the parent: 55 of 2,121 records of six real repositories failed `git apply --check`,
// 54 of them for an e-mail address in a context line. Such a line is cut out of its hunk:
// - in the leading context, with every line above it; in the trailing context, with every line
//   below it; between two changes, the hunk is split in two around it;
// - every `@@ -a,b +c,d @@` header is computed again from the lines kept.
// git apply (checked with git 2.39) takes a hunk without leading context anywhere, but one
// without trailing context only at the end of the file (apply.c: match_end). So a cut that
// leaves a change with no line below it, where the hunk had some, cannot apply; nor can a
// rewritten removed line ("-"), which must match the parent as it was. Then that file's
// section is left out of the diff, with a reason, and the others are kept: the diff still
// applies, to fewer files (31 records of four real repositories were rejected whole for one
// such file, zlib's 8a93f49c of 16 files for an address in zlib.3). Only when no file is left
// is the diff given up.
// A rewritten hunk header differs only in its function-context text (after the second "@@"),
// which git apply ignores: the text is dropped.
import { parseSectionHeader } from "../git/section-header.js";

/** A file section left out of the diff: the file's path, why, and where the section was in the text before redaction. */
export interface OmittedSection {
  /** As the diff names it before redaction: for the caller to match with the change's files, never to be written. */
  path: string;
  /** Why the section would not apply (names the path as redacted). */
  reason: string;
  /** UTF-16 offsets in the text before redaction, as a redactor's findings are. */
  start: number;
  end: number;
}

export type KeptDiff = { ok: true; text: string; omitted: OmittedSection[] } | { ok: false; reason: string };

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
// Lines of a file's header, which must stay as git wrote them.
const FILE_HEADER = /^(?:--- |\+\+\+ |index |old mode |new mode |deleted file mode |new file mode |similarity index |dissimilarity index |rename from |rename to |copy from |copy to |Binary files |GIT binary patch)/;

interface HunkLine {
  /** " " (context; also an empty line, which git apply reads as an empty context line), "-", "+" or "\\" (no newline at end of file). */
  kind: string;
  text: string;
  rewritten: boolean;
}

/** One file's section of the diff, as it is read. */
interface Section {
  /** Its first line in the texts, and its first line in the output. */
  from: number;
  outFrom: number;
  /** Its header lines before and after redaction, until its first hunk. */
  header: { old: string[]; now: string[] };
  inHeader: boolean;
  /** Its path, as redacted, for the reasons. */
  where?: string;
  /** Why it cannot be kept. */
  failed?: string;
}

/**
 * The diff `after` (the text `before` with some lines rewritten in place: the same number of
 * lines) made to apply where `before` did, leaving out the files' sections that cannot, or
 * why it cannot be made to apply at all. Text outside the diff (a rule's template around
 * `{{diff}}`) may change freely.
 */
export function keepApplicable(before: string, after: string): KeptDiff {
  if (before === after) return { ok: true, text: after, omitted: [] };
  const old = before.split("\n");
  const now = after.split("\n");
  if (old.length !== now.length) return { ok: false, reason: "redaction changed the number of lines of the diff, so it would not apply" };
  const out: string[] = [];
  const left: { section: Section; to: number }[] = [];
  let sections = 0;
  let section: Section | undefined;
  const close = (to: number) => {
    if (section?.failed) {
      out.length = section.outFrom;
      left.push({ section, to });
    }
    section = undefined;
  };
  // The file's path as the diff names it, redacted or not.
  const pathOf = (s: Section, side: "old" | "now") => parseSectionHeader(s.header[side]).path || "a file";
  for (let i = 0; i < old.length; ) {
    const line = old[i]!;
    const opens = line.startsWith("diff --git ") || (line.startsWith("--- ") && old[i + 1]?.startsWith("+++ ") && !section?.inHeader);
    if (opens) {
      close(i);
      section = { from: i, outFrom: out.length, header: { old: [], now: [] }, inHeader: true };
      sections++;
    }
    const hunk = section && HUNK_HEADER.exec(line);
    if (section && hunk) {
      section.inHeader = false;
      section.where ??= pathOf(section, "now");
      const end = hunkEnd(old, i + 1, count(hunk[2]), count(hunk[4]));
      if (!section.failed) {
        const lines: HunkLine[] = [];
        for (let j = i + 1; j < end; j++) lines.push({ kind: kindOf(old[j]!), text: now[j]!, rewritten: old[j] !== now[j] });
        const kept = keepHunk(hunk, now[i]!, lines, section.where);
        if (typeof kept === "string") section.failed = kept;
        else out.push(...kept);
      }
      i = end;
      continue;
    }
    if (section?.inHeader && (opens || FILE_HEADER.test(line))) {
      section.header.old.push(line);
      section.header.now.push(now[i]!);
      if (line !== now[i] && !section.failed) section.failed = `${what(now[i]!)} in the header of ${pathOf(section, "now")} was redacted, so the diff would not apply`;
    } else if (section) {
      // Neither a hunk nor a header line: the text after the diff.
      close(i);
    }
    out.push(now[i]!);
    i++;
  }
  close(old.length);
  if (left.length > 0 && left.length === sections) return { ok: false, reason: left[0]!.section.failed! };
  const starts = left.length === 0 ? [] : lineStarts(old);
  const omitted = left.map(({ section: s, to }) => ({ path: pathOf(s, "old"), reason: s.failed!, start: starts[s.from]!, end: starts[to]! }));
  return { ok: true, text: out.join("\n"), omitted };
}

/** Each line's offset in the text, and the text's length after its last line (as if it had a line feed). */
function lineStarts(lines: readonly string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length + 1);
  return starts;
}

function count(digits: string | undefined): number {
  return digits === undefined ? 1 : Number(digits);
}

/** The index after the hunk whose body starts at `from`: its counts used up, then any "\ No newline" line. */
function hunkEnd(lines: readonly string[], from: number, oldCount: number, newCount: number): number {
  let j = from;
  let o = oldCount;
  let n = newCount;
  while (j < lines.length && (o > 0 || n > 0)) {
    const kind = kindOf(lines[j]!);
    if (kind === " ") {
      o--;
      n--;
    } else if (kind === "-") o--;
    else if (kind === "+") n--;
    else if (kind !== "\\") break; // counts that do not add up: the hunk ends here
    j++;
  }
  while (j < lines.length && lines[j]!.startsWith("\\")) j++;
  return j;
}

function kindOf(line: string): string {
  return line === "" || line === "\r" ? " " : line[0]!;
}

/** The hunk's lines as they may be written, or why they cannot be. */
function keepHunk(header: RegExpExecArray, rewrittenHeader: string, lines: readonly HunkLine[], where: string): string[] | string {
  const removed = lines.find((l) => l.rewritten && l.kind !== " " && l.kind !== "+");
  if (removed) return `${what(removed.text)} on a removed line of ${where} was redacted, so the diff would not apply`;
  const [range] = header;
  // A rewritten header keeps its ranges: only its function-context text goes.
  let text = header.input.slice(range.length);
  if (rewrittenHeader !== header.input) {
    if (!rewrittenHeader.startsWith(range)) return `${what(rewrittenHeader)} in a hunk header of ${where} was redacted, so the diff would not apply`;
    text = "";
  }
  if (!lines.some((l) => l.rewritten && l.kind === " ")) return [`${range}${text}`, ...lines.map((l) => l.text)];

  // Cut at each rewritten context line: the pieces between, with their first lines' numbers.
  let oldLine = count(header[2]) === 0 ? Number(header[1]) + 1 : Number(header[1]);
  let newLine = count(header[4]) === 0 ? Number(header[3]) + 1 : Number(header[3]);
  // cutBy: the rewritten line just below the piece, where it was cut.
  const pieces: { lines: HunkLine[]; oldStart: number; newStart: number; cutBy?: HunkLine }[] = [];
  let piece: (typeof pieces)[number] = { lines: [], oldStart: oldLine, newStart: newLine };
  let cut = false;
  for (const l of lines) {
    const isContext = l.kind === " ";
    if (isContext && l.rewritten) {
      piece.cutBy = l;
      pieces.push(piece);
      piece = { lines: [], oldStart: oldLine + 1, newStart: newLine + 1 };
      cut = true;
    } else if (!(cut && l.kind === "\\")) {
      // (A "\ No newline at end of file" after a cut line goes with it.)
      piece.lines.push(l);
      cut = false;
    }
    if (isContext || l.kind === "-") oldLine++;
    if (isContext || l.kind === "+") newLine++;
  }
  pieces.push(piece);

  const out: string[] = [];
  for (const p of pieces) {
    const changes = p.lines.map((l) => l.kind === "+" || l.kind === "-");
    const last = changes.lastIndexOf(true);
    if (last === -1) continue; // context only: nothing to apply
    const trailing = p.lines.slice(last + 1).filter((l) => l.kind === " ").length;
    if (p.cutBy && trailing === 0) {
      return `${what(p.cutBy.text)} on an unchanged line of ${where}, right below a change, was redacted, so the diff would not apply`;
    }
    const oldCount = p.lines.filter((l) => l.kind === " " || l.kind === "-").length;
    const newCount = p.lines.filter((l) => l.kind === " " || l.kind === "+").length;
    // git's form: "-a,0" names the line before an insertion, and a count of 1 is left out.
    const side = (sign: string, start: number, n: number) => `${sign}${n === 0 ? start - 1 : start}${n === 1 ? "" : `,${n}`}`;
    out.push(`@@ ${side("-", p.oldStart, oldCount)} ${side("+", p.newStart, newCount)} @@${out.length === 0 ? text : ""}`);
    for (const l of p.lines) out.push(l.text);
  }
  return out;
}

/** What was redacted on a line, by its marker's kind: never the value. */
function what(line: string): string {
  const kinds = [...new Set([...line.matchAll(/<REDACTED:([a-z0-9-]+)>/g)].map((m) => m[1]!))];
  if (kinds.length === 0) return "an author's name (--pseudonymize)";
  if (kinds.every((k) => k === "email")) return "an e-mail address";
  if (kinds.every((k) => k === "custom")) return "a --redact-pattern match";
  return `a credential (${kinds.filter((k) => k !== "email" && k !== "custom").join(", ")})`;
}
