// The extension point for sources: one implementation per file under extractors/.
import type { DiffFilter } from "./diff/filter.js";
import type { Logger } from "./log.js";
import type { SourceKind, SourceRecord } from "./records.js";

export interface ExtractContext {
  /** Only items created (commits: committed) at or after this instant. */
  since?: Date;
  /** Aborted on Ctrl-C or when the pipeline has written --limit records. */
  signal?: AbortSignal;
  /** Which files of a diff to keep. */
  diffFilter: DiffFilter;
  /** A diff longer than this, after filtering, is not kept (Diff.tooLarge). */
  maxDiffLines: number;
  /** A diff of more UTF-8 bytes than this, after filtering, is not kept (Diff.tooLarge). */
  maxDiffBytes: number;
  log: Logger;
}

export interface Extractor<R extends SourceRecord = SourceRecord> {
  readonly kind: SourceKind;
  extract(ctx: ExtractContext): AsyncIterable<R>;
}
