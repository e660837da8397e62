// The attribution trailers at the end of a commit message (Signed-off-by, Co-authored-by,
// Change-Id, "(cherry picked from commit ...)", ...): written by tools or by habit, about
// who did what, not what the change does. A model trained on them learns to invent names
// and e-mail addresses. The rest of the message, `Fixes #12` included, is the author's.
//
// As git reads trailers (https://git-scm.com/docs/git-interpret-trailers): they sit in the
// message's last paragraph, which counts as a trailer block when at least a quarter of its
// lines are trailers and one of them is a kind git or a tool writes. Only the kinds below
// are removed from it; other lines of the block (`Fixes #12`, `Bug: 1234`) stay.

/** Trailers that name a person; lower case. */
const PERSON_KINDS: ReadonlySet<string> = new Set([
  "signed-off-by",
  "co-authored-by",
  "reviewed-by",
  "acked-by",
  "tested-by",
  "reported-by",
  "suggested-by",
  "helped-by",
  "cc",
]);
/** Gerrit's bookkeeping. */
const TOOL_KINDS: ReadonlySet<string> = new Set(["change-id", "reviewed-on"]);

const TRAILER = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(\S.*)$/;
const CHERRY_PICK = /^\(cherry picked from commit [0-9a-f]{7,64}\)$/i;
const CONTINUATION = /^[ \t]+\S/;
/** An address or a login: what makes `Cc: x` a trailer rather than a subject about `cc`. */
const NAMES_SOMEONE = /<[^>]*>|@/;

export interface StrippedMessage {
  /** The message without its attribution trailers, trailing blank lines removed. */
  text: string;
  /** The removed lines, in their order. */
  trailers: string[];
}

const isBlank = (line: string) => line.trim() === "";

/**
 * Whether the line is an attribution trailer. The message's first line only when it names
 * someone: a subject like "Cc: quote the compiler's flags" is the author's.
 */
function isAttribution(line: string, isFirstLine: boolean): boolean {
  const trimmed = line.trim();
  if (CHERRY_PICK.test(trimmed)) return true;
  const match = TRAILER.exec(trimmed);
  if (!match) return false;
  const kind = match[1]!.toLowerCase();
  if (TOOL_KINDS.has(kind)) return true;
  return PERSON_KINDS.has(kind) && (!isFirstLine || NAMES_SOMEONE.test(match[2]!));
}

const isTrailerLike = (line: string) => TRAILER.test(line.trim()) || CHERRY_PICK.test(line.trim());

/** The paragraph's lines without its attribution trailers (and their continuation lines), or undefined when it is no trailer block. */
function withoutAttributions(lines: readonly string[], startsMessage: boolean): { kept: string[]; removed: string[] } | undefined {
  let trailers = 0;
  let attributions = 0;
  const kept: string[] = [];
  const removed: string[] = [];
  let previous: "kept-trailer" | "removed" | "other" = "other";
  lines.forEach((line, i) => {
    if (CONTINUATION.test(line) && previous !== "other") {
      (previous === "removed" ? removed : kept).push(line);
      return;
    }
    if (isAttribution(line, startsMessage && i === 0)) {
      trailers++;
      attributions++;
      removed.push(line);
      previous = "removed";
      return;
    }
    if (isTrailerLike(line)) trailers++;
    kept.push(line);
    previous = isTrailerLike(line) ? "kept-trailer" : "other";
  });
  if (attributions === 0 || trailers * 4 < lines.length) return undefined;
  return { kept, removed };
}

/** Removes the attribution trailers from the end of a message (with `\n` line ends). */
export function stripTrailers(message: string): StrippedMessage {
  const lines = message.split("\n");
  const removed: string[][] = [];
  let end = lines.length;
  const dropBlankEnd = () => {
    while (end > 0 && isBlank(lines[end - 1]!)) end--;
  };
  dropBlankEnd();
  while (end > 0) {
    let start = end;
    while (start > 0 && !isBlank(lines[start - 1]!)) start--;
    const paragraph = lines.slice(start, end);
    const block = withoutAttributions(paragraph, start === 0);
    if (block) {
      removed.unshift(block.removed);
      lines.splice(start, end - start, ...block.kept);
      end = start + block.kept.length;
      if (block.kept.length > 0) break;
      // A paragraph of trailers only: the one before may be trailers too (a cherry-pick
      // line set apart, Gerrit's Change-Id under a Signed-off-by block).
      dropBlankEnd();
      continue;
    }
    // Prose with trailers glued under it, too few to make a block: the ones at its end.
    const tail: string[] = [];
    while (end > start && isAttribution(lines[end - 1]!, end - 1 === 0)) tail.unshift(lines[--end]!);
    if (tail.length > 0) removed.unshift(tail);
    break;
  }
  dropBlankEnd();
  return { text: lines.slice(0, end).join("\n"), trailers: removed.flat() };
}
