// Builds one commit's Diff from the file sections of its patch as they stream by.
//
// Memory is bounded by --max-diff-lines and --max-diff-bytes, whatever the commit: a
// section dropped by the filter (or binary) is never stored, a kept section is stored only
// while the commit's kept lines and bytes fit the limits, and past them only counted. A
// line can be longer than the whole byte limit (a minified SVG, a one-line data.json), so
// the parser hands a long line over in pieces and its bytes are counted, not held. The kept
// text is the bytes git printed, untouched, so `git apply` at the parent reproduces every
// file it names.
//
// Lines are counted here rather than with the `diff` package's parsePatch: parsePatch
// needs a section's whole text, and a section past the limit must be counted without
// being held. The tests cross-check these counts against parsePatch.
import { isUtf8 } from "node:buffer";
import type { DiffFilter } from "../diff/filter.js";
import { SectionContent } from "../diff/section-content.js";
import type { Diff, DiffFile, DropReason } from "../records.js";
import { parseSectionHeader, type SectionInfo } from "./section-header.js";
import { decodeLenient } from "./text.js";

export interface DiffLimits {
  diffFilter: DiffFilter;
  maxDiffLines: number;
  /** UTF-8 bytes of the kept sections: a line count lets one huge line through. */
  maxDiffBytes: number;
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that the next piece ends
 * (0 to 3): a long line arrives in pieces cut anywhere, even inside a character.
 */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (byte < 0xc0) return 0; // ASCII (or a stray continuation): nothing is cut
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length > back ? back : 0;
  }
  return 0;
}

type SectionState = "none" | "header" | "keep" | "skip";

export class DiffBuilder {
  private readonly files: DiffFile[] = [];
  private readonly dropped: Diff["dropped"] = [];
  private parts: string[] = [];
  private lines = 0;
  private bytes = 0;
  private tooLarge = false;

  private state: SectionState = "none";
  private header: Buffer[] = [];
  private info: SectionInfo | undefined;
  private dropReason: DropReason | undefined;
  /** What the kept section's hunks show of the file. */
  private content: SectionContent | undefined;
  private sectionLines = 0;
  private sectionBytes = 0;
  /** The start of a character cut at the end of the last piece of a long line. */
  private carry: Buffer | undefined;
  private additions = 0;
  private deletions = 0;
  private stored: Buffer[] = [];
  private storing = true;
  /** Bytes of `parts` and `stored`: what this diff holds in memory. */
  private held = 0;

  constructor(private readonly limits: DiffLimits) {}

  /** The bytes of diff text held now; never much more than --max-diff-bytes. */
  get heldBytes(): number {
    return this.held;
  }

  /** True while the current section's body lines are wanted (else the parser skips them). */
  get wantsBody(): boolean {
    return this.state === "keep";
  }

  get inHeader(): boolean {
    return this.state === "header";
  }

  /** A `diff --git` line (with its line feed) opens a section. */
  startSection(line: Buffer): void {
    this.endSection();
    this.state = "header";
    this.header = [line];
  }

  /** An extended header, `---`/`+++` or `Binary files` line of the open section. */
  headerLine(line: Buffer): void {
    if (this.state === "header") this.header.push(line);
  }

  /** Ends the header (at the first hunk, or at the section's end): keep or skip the section. */
  decide(): void {
    if (this.state !== "header") return;
    const headerOk = this.header.every((line) => isUtf8(line));
    this.info = parseSectionHeader(this.header.map((line) => decodeLenient(line.subarray(0, line.length - 1))));
    this.dropReason = !this.limits.diffFilter(this.info.path)
      ? "filtered"
      : this.info.binary
        ? "binary"
        : headerOk
          ? undefined
          : "non-utf8";
    this.sectionLines = this.header.length;
    this.sectionBytes = this.header.reduce((sum, line) => sum + line.length, 0);
    this.carry = undefined;
    this.additions = 0;
    this.deletions = 0;
    this.storing = true;
    this.dropStored();
    this.store(this.header);
    this.header = [];
    this.state = this.dropReason ? "skip" : "keep";
    this.content = this.state === "keep" ? new SectionContent(this.info.path) : undefined;
  }

  /**
   * Body bytes of a kept section, with the counts of what they hold: whole lines, or a piece
   * of a long line (then `lines` is 1 only for the piece that ends it).
   */
  body(bytes: Buffer, lines: number, additions: number, deletions: number): void {
    if (this.state !== "keep") return;
    if (!this.isUtf8Piece(bytes)) {
      // The section will be dropped: nothing more of it is needed.
      this.dropReason = "non-utf8";
      this.state = "skip";
      this.dropStored();
      return;
    }
    this.content?.push(bytes);
    if (this.content?.generated && this.limits.diffFilter.judgesContent) {
      // A generated file, as a line at its top says: nothing more of it is needed.
      this.dropReason = "filtered";
      this.state = "skip";
      this.dropStored();
      return;
    }
    this.sectionLines += lines;
    this.sectionBytes += bytes.length;
    this.additions += additions;
    this.deletions += deletions;
    this.store([bytes]);
  }

  endSection(): void {
    if (this.state === "none") return;
    this.decide();
    const info = this.info!;
    this.content?.end();
    if (this.state === "keep" && this.content?.machineWritten && this.limits.diffFilter.judgesContent) this.dropReason = "filtered";
    if (this.state === "skip" || this.dropReason) {
      this.dropped.push({ path: info.path, reason: this.dropReason ?? "filtered" });
    } else {
      const file: DiffFile = { path: info.path, status: info.status, additions: this.additions, deletions: this.deletions };
      if (info.oldPath !== undefined) file.oldPath = info.oldPath;
      if (this.content?.shebang !== undefined) file.shebang = this.content.shebang;
      this.files.push(file);
      this.lines += this.sectionLines;
      this.bytes += this.sectionBytes;
      if (!this.tooLarge && (this.lines > this.limits.maxDiffLines || this.bytes > this.limits.maxDiffBytes)) {
        this.tooLarge = true;
        this.dropStored();
        this.parts = [];
        this.held = 0;
      }
      // Decoding copies the bytes, so the chunks they came from can be freed.
      if (!this.tooLarge) {
        this.parts.push(Buffer.concat(this.stored).toString("utf8"));
        this.stored = [];
      }
    }
    this.dropStored();
    this.carry = undefined;
    this.info = undefined;
    this.content = undefined;
    this.state = "none";
  }

  finish(): Diff {
    this.endSection();
    return {
      text: this.tooLarge ? "" : this.parts.join(""),
      lines: this.lines,
      bytes: this.bytes,
      files: this.files,
      dropped: this.dropped,
      tooLarge: this.tooLarge,
    };
  }

  private store(chunks: Buffer[]): void {
    if (!this.storing) return;
    const over =
      this.lines + this.sectionLines > this.limits.maxDiffLines || this.bytes + this.sectionBytes > this.limits.maxDiffBytes;
    if (this.tooLarge || over) {
      this.storing = false;
      this.dropStored();
      return;
    }
    this.stored.push(...chunks);
    for (const chunk of chunks) this.held += chunk.length;
  }

  /** Forgets the open section's stored bytes (kept ones were moved to `parts` first). */
  private dropStored(): void {
    for (const chunk of this.stored) this.held -= chunk.length;
    this.stored = [];
  }

  /** Valid UTF-8 so far, a character cut between two pieces of a line being no error. */
  private isUtf8Piece(bytes: Buffer): boolean {
    const whole = this.carry ? Buffer.concat([this.carry, bytes]) : bytes;
    const cut = incompleteUtf8Tail(whole);
    this.carry = cut > 0 ? Buffer.from(whole.subarray(whole.length - cut)) : undefined;
    return isUtf8(cut > 0 ? whole.subarray(0, whole.length - cut) : whole);
  }
}
