// Builds one commit's Diff from the file sections of its patch as they stream by.
//
// Memory is bounded by --max-diff-lines, whatever the commit: a section dropped by the
// filter (or binary) is never stored, a kept section is stored only while the commit's
// kept lines fit the limit, and past it only counted. The kept text is the bytes git
// printed, untouched, so `git apply` at the parent reproduces every file it names.
//
// Lines are counted here rather than with the `diff` package's parsePatch: parsePatch
// needs a section's whole text, and a section past the limit must be counted without
// being held. The tests cross-check these counts against parsePatch.
import { isUtf8 } from "node:buffer";
import type { DiffFilter } from "../diff/filter.js";
import type { Diff, DiffFile, DropReason } from "../records.js";
import { parseSectionHeader, type SectionInfo } from "./section-header.js";
import { decodeLenient } from "./text.js";

export interface DiffLimits {
  diffFilter: DiffFilter;
  maxDiffLines: number;
}

type SectionState = "none" | "header" | "keep" | "skip";

export class DiffBuilder {
  private readonly files: DiffFile[] = [];
  private readonly dropped: Diff["dropped"] = [];
  private parts: string[] = [];
  private lines = 0;
  private tooLarge = false;

  private state: SectionState = "none";
  private header: Buffer[] = [];
  private info: SectionInfo | undefined;
  private dropReason: DropReason | undefined;
  private sectionLines = 0;
  private additions = 0;
  private deletions = 0;
  private stored: Buffer[] = [];
  private storing = true;

  constructor(private readonly limits: DiffLimits) {}

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
    this.additions = 0;
    this.deletions = 0;
    this.storing = true;
    this.stored = [];
    this.store(this.header);
    this.header = [];
    this.state = this.dropReason ? "skip" : "keep";
  }

  /** Body lines `bytes` (whole lines) of a kept section, with their counts. */
  body(bytes: Buffer, lines: number, additions: number, deletions: number): void {
    if (this.state !== "keep") return;
    if (!isUtf8(bytes)) {
      // The section will be dropped: nothing more of it is needed.
      this.dropReason = "non-utf8";
      this.state = "skip";
      this.stored = [];
      return;
    }
    this.sectionLines += lines;
    this.additions += additions;
    this.deletions += deletions;
    this.store([bytes]);
  }

  endSection(): void {
    if (this.state === "none") return;
    this.decide();
    const info = this.info!;
    if (this.state === "skip") {
      this.dropped.push({ path: info.path, reason: this.dropReason ?? "filtered" });
    } else {
      const file: DiffFile = { path: info.path, status: info.status, additions: this.additions, deletions: this.deletions };
      if (info.oldPath !== undefined) file.oldPath = info.oldPath;
      this.files.push(file);
      this.lines += this.sectionLines;
      if (!this.tooLarge && this.lines > this.limits.maxDiffLines) {
        this.tooLarge = true;
        this.parts = [];
      }
      // Decoding copies the bytes, so the chunks they came from can be freed.
      if (!this.tooLarge) this.parts.push(Buffer.concat(this.stored).toString("utf8"));
    }
    this.stored = [];
    this.info = undefined;
    this.state = "none";
  }

  finish(): Diff {
    this.endSection();
    return {
      text: this.tooLarge ? "" : this.parts.join(""),
      lines: this.lines,
      files: this.files,
      dropped: this.dropped,
      tooLarge: this.tooLarge,
    };
  }

  private store(chunks: Buffer[]): void {
    if (!this.storing) return;
    if (this.tooLarge || this.lines + this.sectionLines > this.limits.maxDiffLines) {
      this.storing = false;
      this.stored = [];
      return;
    }
    this.stored.push(...chunks);
  }
}
