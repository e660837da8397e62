// An incremental parser of `git log -p` output, fed the Buffers of git's stdout as they
// come and handing back each commit once its patch is complete. It works on bytes and
// only decodes what it keeps: a line is located with Buffer#indexOf and classified by
// its first byte; a dropped section is skipped by searching for the next section or
// commit, without looking at its lines. A kept section's line that does not end within a
// chunk goes to the builder in pieces, so that one huge line (a minified file, a one-line
// JSON dump) is counted against --max-diff-bytes without ever being held whole. Each
// commit opens with the header of commit-header.ts.
import type { Diff } from "../records.js";
import { type CommitHeader, countNuls, HEADER_NULS, readCommitHeader } from "./commit-header.js";
import { DiffBuilder, type DiffLimits } from "./diff-builder.js";

export interface ParsedCommit extends CommitHeader {
  diff: Diff;
}

const NL = 0x0a;
const NUL = 0x00;
const PLUS = 0x2b;
const MINUS = 0x2d;
const AT = 0x40;
const D = 0x64;
const DIFF_GIT = Buffer.from("diff --git ");
const NL_DIFF_GIT = Buffer.from("\ndiff --git ");
const NL_NUL = Buffer.from([NL, NUL]);

type Mode = "commit-header" | "diff";

export class PatchParser {
  private mode: Mode;
  private pending: Buffer[] = [];
  private pendingNuls = 0;
  /** Inside a long line of a skipped section: drop bytes up to the next line feed. */
  private skippingLine = false;
  /** Inside a long line of a kept section: hand its bytes to the builder up to the next line feed. */
  private inKeptLine = false;
  private builder: DiffBuilder;
  private commit: CommitHeader | undefined;
  private readonly done: ParsedCommit[] = [];
  private readonly searches: ({ buf: Buffer; from: number; at: number } | undefined)[] = [undefined, undefined];

  /** `withCommits`: the input is `git log` output with our header; else a bare patch (`git diff`). */
  constructor(
    private readonly limits: DiffLimits,
    private readonly withCommits = true,
  ) {
    this.mode = withCommits ? "commit-header" : "diff";
    this.builder = new DiffBuilder(limits);
  }

  push(chunk: Buffer): void {
    if (this.skippingLine) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) return;
      this.skippingLine = false;
      chunk = chunk.subarray(nl + 1);
    } else if (this.inKeptLine) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.builder.body(chunk, 0, 0, 0);
        return;
      }
      this.builder.body(chunk.subarray(0, nl + 1), 1, 0, 0);
      this.inKeptLine = false;
      chunk = chunk.subarray(nl + 1);
    }
    if (this.pending.length > 0) {
      // A long line or commit header: gather its pieces and join them once, when it is complete.
      if (this.mode === "diff" && chunk.indexOf(NL) < 0) {
        this.pending.push(chunk);
        return;
      }
      if (this.mode === "commit-header") {
        const nuls = countNuls(chunk, HEADER_NULS);
        if (this.pendingNuls + nuls < HEADER_NULS) {
          this.pending.push(chunk);
          this.pendingNuls += nuls;
          return;
        }
      }
    }
    const buf = this.pending.length > 0 ? Buffer.concat([...this.pending, chunk]) : chunk;
    this.pending = [];
    const stop = this.scan(buf);
    if (stop < buf.length) {
      const rest = buf.subarray(stop);
      this.pending.push(rest);
      this.pendingNuls = this.mode === "commit-header" ? countNuls(rest, HEADER_NULS) : 0;
    }
  }

  /**
   * The bytes of output held now (a partial line, the diff text kept so far): what the
   * diff limits bound, whatever the length of a line.
   */
  get heldBytes(): number {
    return this.pending.reduce((sum, chunk) => sum + chunk.length, 0) + this.builder.heldBytes;
  }

  /** Completed commits since the last call. */
  take(): ParsedCommit[] {
    return this.done.splice(0);
  }

  /** At the end of the output: completes the last commit (git ends every line, so nothing is pending). */
  end(): void {
    if (this.inKeptLine) {
      this.inKeptLine = false;
      this.builder.body(Buffer.from("\n"), 1, 0, 0);
    }
    if (this.pending.length > 0) {
      const rest = Buffer.concat(this.pending);
      this.pending = [];
      this.scan(Buffer.concat([rest, Buffer.from("\n")]));
    }
    this.finishCommit();
  }

  /** The whole patch in bare-patch mode. */
  diff(): Diff {
    return this.builder.finish();
  }

  private scan(buf: Buffer): number {
    const len = buf.length;
    let p = 0;
    while (p < len) {
      if (this.mode === "commit-header") {
        const next = this.startCommit(buf, p);
        if (next < 0) return p;
        p = next;
        continue;
      }
      const first = buf[p];
      if (first === NUL && this.withCommits) {
        this.finishCommit();
        this.mode = "commit-header";
        continue;
      }
      if (this.builder.wantsBody && first !== D) {
        p = this.scanBody(buf, p);
        if (p < len && buf.indexOf(NL, p) < 0) {
          const next = buf[p];
          // The start of a hunk line (not of a section or a commit) that goes on in the
          // next chunks: handed over now, its line counted when its line feed comes.
          if (this.builder.wantsBody && next !== D && next !== NUL) {
            this.builder.body(buf.subarray(p), 0, next === PLUS ? 1 : 0, next === MINUS ? 1 : 0);
            this.inKeptLine = true;
            return len;
          }
          return p;
        }
        continue;
      }
      const nl = buf.indexOf(NL, p);
      if (first === D && (nl < 0 ? len - p : nl - p) >= DIFF_GIT.length && buf.compare(DIFF_GIT, 0, 11, p, p + 11) === 0) {
        if (nl < 0) return p;
        this.builder.startSection(buf.subarray(p, nl + 1));
        p = nl + 1;
        continue;
      }
      if (this.builder.inHeader) {
        if (nl < 0) return p;
        if (first === AT) {
          this.builder.decide();
          continue; // the hunk line is read as body (or skipped) by the next turn
        }
        this.builder.headerLine(buf.subarray(p, nl + 1));
        p = nl + 1;
        continue;
      }
      if (this.builder.wantsBody) {
        // A body line that starts with 'd' cannot be one: read it as a body line anyway.
        if (nl < 0) return p;
        this.builder.body(buf.subarray(p, nl + 1), 1, 0, 0);
        p = nl + 1;
        continue;
      }
      if (first === NL) {
        p++; // the blank line between a commit header and its patch
        continue;
      }
      // A dropped section: its lines are not even looked at.
      const next = this.skipToBoundary(buf, p);
      if (next < 0) return len;
      p = next;
    }
    return p;
  }

  /** Counts and hands over the run of hunk lines from p; stops before a boundary or a partial line. */
  private scanBody(buf: Buffer, p: number): number {
    const len = buf.length;
    const start = p;
    let lines = 0;
    let additions = 0;
    let deletions = 0;
    while (p < len) {
      const first = buf[p];
      if (first === D || first === NUL) break;
      const nl = buf.indexOf(NL, p);
      if (nl < 0) break;
      if (first === PLUS) additions++;
      else if (first === MINUS) deletions++;
      lines++;
      p = nl + 1;
    }
    if (lines > 0) this.builder.body(buf.subarray(start, p), lines, additions, deletions);
    return p;
  }

  /**
   * Skips to the next line that opens a section or a commit. Returns its index, or -1
   * when the buffer holds none (then a partial last line that could open one is kept).
   */
  private skipToBoundary(buf: Buffer, p: number): number {
    const section = this.search(0, NL_DIFF_GIT, buf, p);
    const commit = this.withCommits ? this.search(1, NL_NUL, buf, p) : -1;
    const found = section < 0 ? commit : commit < 0 ? section : Math.min(section, commit);
    if (found >= 0) return found + 1;
    const lastNl = buf.lastIndexOf(NL);
    const tail = lastNl < p ? p : lastNl + 1;
    const partial = buf.subarray(tail);
    const mayOpen =
      partial.length === 0 ||
      (partial[0] === NUL && this.withCommits) ||
      DIFF_GIT.subarray(0, Math.min(partial.length, DIFF_GIT.length)).equals(partial.subarray(0, DIFF_GIT.length));
    if (mayOpen) {
      if (partial.length > 0) this.pending.push(Buffer.from(partial));
    } else {
      this.skippingLine = true;
    }
    return -1;
  }

  /**
   * buf.indexOf(needle, p), remembering the answer for the same buffer: a buffer with many
   * dropped sections would otherwise be searched to its end once per section.
   */
  private search(slot: 0 | 1, needle: Buffer, buf: Buffer, p: number): number {
    const cached = this.searches[slot];
    if (cached && cached.buf === buf && cached.from <= p && (cached.at < 0 || cached.at >= p)) return cached.at;
    const at = buf.indexOf(needle, p);
    this.searches[slot] = { buf, from: p, at };
    return at;
  }

  /** The commit header at p; -1 until all of it is there. */
  private startCommit(buf: Buffer, p: number): number {
    const read = readCommitHeader(buf, p);
    if (!read) return -1;
    this.commit = read.header;
    this.builder = new DiffBuilder(this.limits);
    this.mode = "diff";
    return read.end;
  }

  private finishCommit(): void {
    if (!this.commit) return;
    this.done.push({ ...this.commit, diff: this.builder.finish() });
    this.commit = undefined;
  }
}
