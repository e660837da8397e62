// The trailers of a commit message (Signed-off-by, Co-authored-by, Change-Id, Link, Refs,
// "(cherry picked from commit ...)", ...): written by tools or by habit, about who did what
// and where it was discussed, not what the change does. A model trained on them learns to
// invent names, e-mail addresses, links and commit ids.
//
// As git reads trailers (https://git-scm.com/docs/git-interpret-trailers): they sit in the
// message's last paragraph, made of `Token: value` lines (a token has no spaces), which
// counts as a trailer block when all its lines are trailers, or when at least a quarter are
// and one of them is of a kind git or a tool writes. In a block, a trailer goes when it
// names a person (every `…-by`, Co-authored-by, Cc), when a tool wrote it (Change-Id,
// Reviewed-on, ...), or when its value only points somewhere (`Link: https://…`, `Refs:
// <sha>`, `Bug: 1234`, `Fixes: #12`); `Note: needs Node 20` is the author's sentence and
// stays. Above the end (the squash of a branch lists each commit's sign-offs), a person's
// trailer with an e-mail address goes too.
import { squeezeBlankLines } from "./blank-lines.js";
import { codeLines } from "./code-lines.js";
import { isReferenceLine } from "./references.js";

/** Trailers that name a person, beyond every `…-by` (Signed-off-by, Fixed-by, Reported-by); lower case. */
const PERSON_KINDS: ReadonlySet<string> = new Set(["co-authored-by", "cc", "original-author"]);
const isPersonKind = (kind: string) => PERSON_KINDS.has(kind) || kind.endsWith("-by");
/** What review tools, trackers and bots write, whatever its value; lower case. */
const TOOL_KINDS: ReadonlySet<string> = new Set([
  "change-id",
  "reviewed-on",
  "differential-revision",
  "pull-request",
  "pr-url",
  "merge-request",
  "git-svn-id",
  "piperorigin-revid",
  "amp-thread-id",
  "skip-checks",
]);
const TRAILER = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(?!\/\/)(\S.*)$/;
const CHERRY_PICK = /^\(cherry picked from commit [0-9a-f]{7,64}\)$/i;
const CONTINUATION = /^[ \t]+\S/;
/** An address or a login: what makes `Cc: x` a trailer rather than a subject about `cc`. */
const NAMES_SOMEONE = /<[^>]*>|@/;
const EMAIL = /<[^<>\s]+@[^<>\s]+>/;
/**
 * A value that only points somewhere, beyond issue references (`Fixes: #12`, `Bug: GH-3`):
 * links, a commit id (the kernel's `Fixes: 1234abcd ("subject")`), a person's address, a
 * tracker's id (1234, PROJ-12, chromium:123, b/123, a Change-Id).
 */
const POINTER = new RegExp(
  [
    String.raw`^(?:<?https?:\/\/\S+?>?[\s,]*)+$`,
    String.raw`^[0-9a-f]{7,64}(?:\s+\(.*\))?$`,
    String.raw`^[^<>]*<[^<>\s]+@[^<>\s]+>$`,
    String.raw`^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$`,
    String.raw`^@[\w-]+$`,
    String.raw`^(?:\d+|[A-Z][A-Z0-9]+-\d+|[a-z]+:\d+|b\/\d+|I[0-9a-f]{8,})(?:[\s,]+(?:\d+|[A-Z][A-Z0-9]+-\d+|[a-z]+:\d+|b\/\d+))*\.?$`,
  ].join("|"),
);
const isPointer = (value: string) => POINTER.test(value) || isReferenceLine(value);

export interface StrippedMessage {
  /** The message without its trailers, trailing blank lines removed. */
  text: string;
  /** The removed lines, in their order. */
  trailers: string[];
}

const isBlank = (line: string) => line.trim() === "";

interface Trailer {
  kind: string;
  value: string;
}

function trailerOf(line: string): Trailer | undefined {
  const match = TRAILER.exec(line.trim());
  return match ? { kind: match[1]!.toLowerCase(), value: match[2]!.trim() } : undefined;
}

/**
 * Whether a line of a trailer block goes: a person's, a tool's, or any whose value only
 * points somewhere (`Link: https://…`, `Refs: <sha>`, `Bug: 1234`); `Ref: lexgrog(1)` stays.
 * The message's first line only when it names someone or a tool wrote it: a subject like
 * "Cc: quote the compiler's flags" is the author's.
 */
function isRemovable(line: string, isFirstLine: boolean): boolean {
  const trimmed = line.trim();
  if (CHERRY_PICK.test(trimmed)) return true;
  const trailer = trailerOf(trimmed);
  if (!trailer) return false;
  if (isPersonKind(trailer.kind)) return !isFirstLine || NAMES_SOMEONE.test(trailer.value);
  if (TOOL_KINDS.has(trailer.kind)) return true;
  return !isFirstLine && isPointer(trailer.value);
}

const isTrailerLike = (line: string) => trailerOf(line) !== undefined || CHERRY_PICK.test(line.trim());

/** The paragraph's lines without its removable trailers (and their continuation lines), or undefined when it is no trailer block. */
function withoutTrailers(lines: readonly string[], startsMessage: boolean): { kept: string[]; removed: string[] } | undefined {
  let trailers = 0;
  let known = 0;
  let others = 0;
  const kept: string[] = [];
  const removed: string[] = [];
  let previous: "kept-trailer" | "removed" | "other" = "other";
  lines.forEach((line, i) => {
    if (CONTINUATION.test(line) && previous !== "other") {
      (previous === "removed" ? removed : kept).push(line);
      return;
    }
    const trailerLike = isTrailerLike(line);
    if (trailerLike) trailers++;
    else others++;
    if (isRemovable(line, startsMessage && i === 0)) {
      known++;
      removed.push(line);
      previous = "removed";
      return;
    }
    kept.push(line);
    previous = trailerLike ? "kept-trailer" : "other";
  });
  // All trailers, or a quarter with one that goes (git: one that git or a tool writes).
  const isBlock = others === 0 || (known > 0 && trailers * 4 >= trailers + others);
  if (!isBlock || known === 0) return undefined;
  return { kept, removed };
}

/** A person's trailer with an e-mail address, wherever it stands (not indented: quoted text stays). */
function isPersonLine(line: string): boolean {
  if (line !== line.trimStart()) return false;
  const trailer = trailerOf(line);
  return trailer !== undefined && isPersonKind(trailer.kind) && EMAIL.test(trailer.value);
}

/**
 * Removes the trailers from a message (with `\n` line ends): the block at its end, and
 * people's trailers above it. Code is the author's: a block that shows a trailer
 * ("```\nSigned-off-by: Your Name <you@example.com>\n```") stays, and so does all above it.
 */
export function stripTrailers(message: string): StrippedMessage {
  const lines = message.split("\n");
  // Lines above the paragraphs taken out keep their places: code[i] stays true to them.
  const code = codeLines(lines);
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
    if (paragraph.some((_, i) => code[start + i])) break;
    const block = withoutTrailers(paragraph, start === 0);
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
    while (end > start && isRemovable(lines[end - 1]!, end - 1 === 0)) tail.unshift(lines[--end]!);
    if (tail.length > 0) removed.unshift(tail);
    break;
  }
  dropBlankEnd();
  const body = lines.slice(0, end);
  // People's trailers above the end (a squash merge's list of its commits' sign-offs).
  const isPerson = (line: string, i: number) => i > 0 && !code[i] && isPersonLine(line);
  const people = body.filter(isPerson);
  if (people.length > 0) removed.unshift(people);
  const trailers = removed.flat();
  const text = trailers.length > 0 ? squeezeBlankLines(body.filter((line, i) => !isPerson(line, i)).join("\n")) : body.join("\n");
  return { text, trailers };
}
