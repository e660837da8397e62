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
// rewritten removed line ("-"), which must match the parent as it was. Then the diff is given
// up, with a reason, and the record is rejected rather than written.
// A rewritten hunk header differs only in its function-context text (after the second "@@"),
// which git apply ignores: the text is dropped.

export type KeptDiff = { ok: true; text: string } | { ok: false; reason: string };

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
// Lines of a file's header, which must stay as git wrote them.
const FILE_HEADER = /^(?:--- |\+\+\+ |index |old mode |new mode |deleted file mode |new file mode |similarity index |dissimilarity index |rename from |rename to |copy from |copy to |Binary files |GIT binary patch)/;

interface HunkLine {
  /** " " (context; also an empty line, which git apply reads as an empty context line), "-", "+" or "\\" (no newline at end of file). */
  kind: string;
  text: string;
  rewritten: boolean;
}

/**
 * The diff `after` (the text `before` with some lines rewritten in place: the same number of
 * lines) made to apply where `before` did, or why it cannot. Text outside the diff (a rule's
 * template around `{{diff}}`) may change freely.
 */
export function keepApplicable(before: string, after: string): KeptDiff {
  if (before === after) return { ok: true, text: after };
  const old = before.split("\n");
  const now = after.split("\n");
  if (old.length !== now.length) return { ok: false, reason: "redaction changed the number of lines of the diff, so it would not apply" };
  const out: string[] = [];
  let path = "";
  let inDiff = false;
  for (let i = 0; i < old.length; ) {
    const line = old[i]!;
    const header = HUNK_HEADER.exec(line);
    if (inDiff && header) {
      const end = hunkEnd(old, i + 1, count(header[2]), count(header[4]));
      const lines: HunkLine[] = [];
      for (let j = i + 1; j < end; j++) lines.push({ kind: kindOf(old[j]!), text: now[j]!, rewritten: old[j] !== now[j] });
      const kept = keepHunk(header, now[i]!, lines, path);
      if (typeof kept === "string") return { ok: false, reason: kept };
      out.push(...kept);
      i = end;
      continue;
    }
    if (line.startsWith("diff --git ")) path = "";
    if (line.startsWith("diff --git ") || (line.startsWith("--- ") && old[i + 1]?.startsWith("+++ "))) inDiff = true;
    if (inDiff && line.startsWith("+++ ") && line !== "+++ /dev/null") path = line.slice(4).replace(/^b\//, "");
    if (inDiff && line.startsWith("--- ") && line !== "--- /dev/null") path = line.slice(4).replace(/^a\//, "");
    if (line !== now[i] && inDiff && (line.startsWith("diff --git ") || FILE_HEADER.test(line))) {
      return { ok: false, reason: `${what(now[i]!)} in the header of ${path || "a file"} was redacted, so the diff would not apply` };
    }
    out.push(now[i]!);
    i++;
  }
  return { ok: true, text: out.join("\n") };
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
function keepHunk(header: RegExpExecArray, rewrittenHeader: string, lines: readonly HunkLine[], path: string): string[] | string {
  const where = path || "a file";
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
