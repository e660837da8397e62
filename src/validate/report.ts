// How problems leave `validate`: one line each (`FILE:LINE: error CODE: message`) and a
// summary line, or one JSON report. Both stream: a file with a million problems is
// written as it is read, in output chunks that respect the stream's backpressure.
import { once } from "node:events";
import type { Format } from "../formats.js";
import type { TokenStats } from "./histogram.js";
import type { Problem, ProblemCode } from "./problem.js";
import type { Tokenizer } from "./tokens.js";

export interface FileSummary {
  file: string;
  format: Format | null;
  records: number;
  errors: number;
  warnings: number;
  tokens: TokenStats | null;
}

export interface RunSummary {
  files: FileSummary[];
  records: number;
  errors: number;
  warnings: number;
  counts: Partial<Record<ProblemCode, number>>;
  tokens: (TokenStats & { tokenizer: Tokenizer; maxTokens: number }) | undefined;
}

export interface Reporter {
  /** The reader went away (`validate big.jsonl | head`): stop checking, nobody reads on. */
  readonly closed: boolean;
  problem(file: string, p: Problem): void;
  /** Lets buffered output out, waiting if the stream is full. */
  flush(): Promise<void>;
  end(summary: RunSummary): Promise<void>;
}

class Buffered {
  private text = "";
  closed = false;
  private failure: Error | undefined;
  private readonly onError = (e: NodeJS.ErrnoException) => {
    // EPIPE is how a pipe says its reader is done, as `head` is: not an error of ours.
    if (e.code !== "EPIPE") this.failure = e;
    this.closed = true;
  };
  constructor(private readonly out: NodeJS.WritableStream) {
    out.on("error", this.onError);
  }
  /** The last flush: the stream is the caller's again. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.out.off("error", this.onError);
    }
  }
  push(s: string): void {
    if (!this.closed) this.text += s;
  }
  get size(): number {
    return this.text.length;
  }
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.text === "" || this.closed) return;
    let ok: boolean;
    try {
      ok = this.out.write(this.text);
    } catch (e) {
      // A pipe already closed can fail the write itself, not only emit "error".
      if ((e as NodeJS.ErrnoException).code !== "EPIPE") throw e;
      this.closed = true;
      return;
    } finally {
      this.text = "";
    }
    if (ok || this.closed) return;
    // The listener that loses the race is removed (abort): left, one more would pile up on
    // the stream at each full buffer, and Node warns of a leak after ten.
    const done = new AbortController();
    try {
      await Promise.race([once(this.out, "drain", { signal: done.signal }), once(this.out, "close", { signal: done.signal })]);
    } catch (e) {
      // once() rejects on "error": EPIPE was noted by the listener above.
      if ((e as NodeJS.ErrnoException).code !== "EPIPE") throw e;
    } finally {
      done.abort();
    }
  }
}

// Plain digits, as eslint prints them: scripts read this line with (\d+) errors.
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function textReporter(out: NodeJS.WritableStream): Reporter {
  const buf = new Buffered(out);
  return {
    get closed() {
      return buf.closed;
    },
    problem(file, p) {
      buf.push(`${file}:${p.line ?? 0}: ${p.severity} ${p.code}: ${p.message}\n`);
    },
    flush: () => (buf.size > 1 << 16 ? buf.flush() : Promise.resolve()),
    async end(summary) {
      const files = summary.files.length > 1 ? ` (${summary.files.length} files)` : "";
      buf.push(`${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")} in ${plural(summary.records, "record")}${files}\n`);
      await buf.close();
    },
  };
}

/**
 * One JSON object: `problems` first (streamed, so memory stays flat), then `files`,
 * the totals, `counts` per code and `tokens` (min, median, p95, max, mean).
 */
export function jsonReporter(out: NodeJS.WritableStream): Reporter {
  const buf = new Buffered(out);
  let first = true;
  buf.push('{"problems":[');
  return {
    get closed() {
      return buf.closed;
    },
    problem(file, p) {
      const entry = {
        file,
        line: p.line,
        column: p.column,
        severity: p.severity,
        code: p.code,
        message: p.message,
        field: p.field,
        offset: p.offset,
        byteOffset: p.byteOffset,
      };
      buf.push(`${first ? "\n" : ",\n"}${JSON.stringify(entry)}`);
      first = false;
    },
    flush: () => (buf.size > 1 << 16 ? buf.flush() : Promise.resolve()),
    async end(summary) {
      const { files, records, errors, warnings, counts, tokens } = summary;
      const rest = JSON.stringify({ files, records, errors, warnings, counts, tokens: tokens ?? null });
      buf.push(`${first ? "" : "\n"}],${rest.slice(1)}\n`);
      await buf.close();
    },
  };
}
