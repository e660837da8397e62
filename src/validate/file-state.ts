// What a file's lines are checked against each other with, in bounded memory: the hashes
// of the records seen (duplicates, shared by the files of a run: a validation record that is
// also in the training file is a duplicate too), and the key sets of its lines
// (inconsistent-fields).
// Which key set is "the file's" is known only at the end, so those problems come after
// the file's other problems: each distinct key set keeps a count and its first line
// numbers (up to a cap), and the sets other than the most common one are reported then.
import type { Format } from "../formats.js";
import type { LineResult } from "./check-line.js";
import { DuplicateSet } from "./hash-set.js";
import { TokenHistogram } from "./histogram.js";
import { problem, quote, type CodeFilter, type Problem } from "./problem.js";

const REQUIRED: Record<Format, readonly string[]> = {
  alpaca: ["instruction", "output"],
  openai: ["messages"],
  sharegpt: ["conversations"],
};

interface KeySet {
  count: number;
  lines: number[];
}

export interface FileStateOptions {
  enabled: CodeFilter;
  /** The run's records so far, when files are checked against each other; else this file's own. */
  seen?: DuplicateSet;
  /** This file's index in the run, and the names of the run's files (for "same ... as b.jsonl:3"). */
  file?: number;
  names?: readonly string[];
  /** Line numbers remembered per minority key set; past it, one summary problem. */
  maxLinesPerKeySet?: number;
  /** Distinct key sets tracked; lines with yet another one share an "other" bucket. */
  maxKeySets?: number;
}

const OTHER = "\u0000other";

export class FileState {
  records = 0;
  format: Format | undefined;
  readonly tokens = new TokenHistogram();
  private readonly seen: DuplicateSet;
  private readonly keySets = new Map<string, KeySet>();
  private readonly maxLines: number;
  private readonly maxSets: number;

  constructor(private readonly options: FileStateOptions) {
    this.maxLines = options.maxLinesPerKeySet ?? 10_000;
    this.maxSets = options.maxKeySets ?? 256;
    this.seen = options.seen ?? new DuplicateSet();
  }

  /** Takes a checked line in file order; returns the problems it has against earlier lines. */
  add(result: LineResult): Problem[] {
    this.records++;
    if (result.tokens !== undefined) this.tokens.add(result.tokens);
    if (result.format && !this.format) this.format = result.format;
    if (result.keys !== undefined) this.countKeys(result.keys, result.line);
    if (!result.hash) return [];
    const file = this.options.file ?? 0;
    const first = this.seen.addHash(result.hash[0], result.hash[1], result.line, file);
    if (first === undefined) return [];
    const what = result.format === "alpaca" || !result.format ? "instruction, input and output" : "conversation";
    const where = first.file === file ? `line ${first.line}` : `${this.options.names?.[first.file] ?? "an earlier file"}:${first.line}`;
    return [problem("duplicate", `same ${what} as ${where}`, { line: result.line })];
  }

  private countKeys(keys: string, line: number): void {
    let set = this.keySets.get(keys);
    if (!set) {
      const key = this.keySets.size < this.maxSets ? keys : OTHER;
      set = this.keySets.get(key) ?? { count: 0, lines: [] };
      this.keySets.set(key, set);
    }
    set.count++;
    if (set.lines.length < this.maxLines) set.lines.push(line);
  }

  /** The problems known only once every line has been seen, in line order. */
  finish(): Problem[] {
    if (!this.options.enabled("inconsistent-fields") || this.keySets.size < 2) return [];
    let common = "";
    let most = -1;
    for (const [keys, set] of this.keySets) {
      if (keys !== OTHER && set.count > most) [common, most] = [keys, set.count];
    }
    const commonKeys = keyList(common);
    // "Most lines" only where they are: of 6 lines in four shapes, 2 are only the most common.
    const usual = most * 2 > this.records ? "most lines" : "the most common lines";
    const required = new Set(this.format ? REQUIRED[this.format] : []);
    const out: Problem[] = [];
    for (const [keys, set] of this.keySets) {
      if (keys === common) continue;
      const message = keys === OTHER ? `keys differ from those of ${usual}` : difference(commonKeys, keyList(keys), required, usual);
      if (message === undefined) continue; // only required fields are absent: missing-field said so
      for (const line of set.lines) {
        out.push(problem("inconsistent-fields", `${message} (${most} of ${this.records} lines have ${describeKeys(commonKeys)})`, { line }));
      }
      if (set.count > set.lines.length) {
        const last = set.lines.at(-1) ?? 0;
        out.push(problem("inconsistent-fields", `and ${set.count - set.lines.length} more lines after line ${last} with the same keys`, { line: last }));
      }
    }
    return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

function difference(common: string[], mine: string[], required: ReadonlySet<string>, whose: string): string | undefined {
  const have = new Set(mine);
  const usual = new Set(common);
  const absent = common.filter((k) => !have.has(k) && !required.has(k));
  const extra = mine.filter((k) => !usual.has(k));
  if (absent.length === 0 && extra.length === 0) return undefined;
  const parts: string[] = [];
  if (absent.length > 0) parts.push(`no ${describeKeys(absent)}`);
  if (extra.length > 0) parts.push(`extra ${describeKeys(extra)}`);
  return `keys differ from ${whose}: ${parts.join("; ")}`;
}

/** A key set as check-line writes it: the sorted keys as a JSON array (a key may hold any character). */
function keyList(keys: string): string[] {
  return keys === "" ? [] : (JSON.parse(keys) as string[]);
}

function describeKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 6).map((k) => quote(k, 30));
  return keys.length > 6 ? `${shown.join(", ")} and ${keys.length - 6} more` : shown.join(", ") || "no keys";
}
