// The header gh-harvest asks `git log` to print before each commit's patch, and its reader.
// Fields are separated by NULs and the header opens with a NUL at the start of a line: no
// line of a patch starts with a NUL (every hunk line starts with ' ', '+', '-', '\' or
// '@'), so the boundary is unambiguous; and git refuses a NUL in a message, so no field
// holds one.
import { GitError } from "../errors.js";
import { decodeLenient } from "./text.js";

export const COMMIT_MARK = "gh-harvest:commit";
/** For `git log --format=`: %H %P %an %ae %aI %cI %B after the mark. */
export const COMMIT_FORMAT = `%x00${COMMIT_MARK}%x00%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI%x00%B%x00`;
/** NULs in a whole header: one before the mark, one after it and after each of the 7 fields. */
export const HEADER_NULS = 9;

export interface CommitHeader {
  sha: string;
  parents: string[];
  author: { name: string; email: string };
  authorDate: string;
  committerDate: string;
  /** %B as printed: the raw message with its trailing line feed. */
  rawMessage: string;
}

const NUL = 0x00;
const NL = 0x0a;
const MARK = Buffer.from(COMMIT_MARK);

/**
 * Reads the header at `p` (where `buf[p]` is its opening NUL), up to and including the
 * line feed git's tformat ends it with. Undefined until all of it is in `buf`.
 */
export function readCommitHeader(buf: Buffer, p: number): { header: CommitHeader; end: number } | undefined {
  const ends: number[] = [];
  let at = p;
  for (let i = 0; i < HEADER_NULS; i++) {
    const nul = buf.indexOf(NUL, i === 0 ? at : at + 1);
    if (nul < 0) return undefined;
    ends.push(nul);
    at = nul;
  }
  if (at + 1 >= buf.length) return undefined;
  if (buf[p] !== NUL || !buf.subarray(p + 1, ends[1]).equals(MARK) || buf[at + 1] !== NL) {
    throw new GitError("unexpected output from git log: not a commit header");
  }
  const field = (i: number) => buf.subarray(ends[i]! + 1, ends[i + 1]);
  const ascii = (i: number) => field(i).toString("latin1");
  const header: CommitHeader = {
    sha: ascii(1),
    parents: ascii(2).split(" ").filter(Boolean),
    author: { name: decodeLenient(field(3)), email: decodeLenient(field(4)) },
    authorDate: ascii(5),
    committerDate: ascii(6),
    rawMessage: decodeLenient(field(7)),
  };
  return { header, end: at + 2 };
}

/** NULs in `buf`, counting no further than `enough`. */
export function countNuls(buf: Buffer, enough: number): number {
  let count = 0;
  for (let at = buf.indexOf(NUL); at >= 0 && count < enough; at = buf.indexOf(NUL, at + 1)) count++;
  return count;
}
