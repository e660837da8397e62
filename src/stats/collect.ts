// One pass over the records, in bounded memory: counts by key (bounded by the number of
// distinct rules, sources, repositories and languages), an exact length histogram in a
// fixed array, the N largest records, and a fixed-size random sample for the HTML page.
import { mulberry32 } from "../curate/hash.js";
import type { Format } from "../formats.js";
import type { RecordView } from "./read-records.js";
import { approximateTokens, type TokenCounter } from "./tokens.js";

/** Lengths above this share the last slot; percentiles up to it are exact. */
const LENGTH_CAP = 131_072;
/** A sampled record keeps at most this much of each text, so 200 samples stay small. */
export const SAMPLE_TEXT_LIMIT = 20_000;
export const NONE = "(none)";

export interface Sample {
  file: string;
  line: number;
  id: string;
  source: string;
  mapping: string;
  repo: string;
  url?: string;
  languages: string[];
  tokens: number;
  instruction: string;
  input: string;
  output: string;
  truncated: boolean;
}

export interface Largest {
  id: string;
  file: string;
  line: number;
  tokens: number;
  bytes: number;
}

export interface Stats {
  records: number;
  files: { file: string; records: number; skipped: number; firstProblem?: string; formats: Record<string, number> }[];
  byMapping: Record<string, number>;
  bySource: Record<string, number>;
  byRepo: Record<string, number>;
  byLanguage: Record<string, number>;
  redacted: Record<string, number>;
  tokens: { min: number; max: number; mean: number; p50: number; p90: number; p99: number; counts: Uint32Array };
  largest: Largest[];
  sample: Sample[];
}

export interface CollectorOptions {
  top?: number;
  sampleSize?: number;
  seed?: number;
  countTokens?: TokenCounter;
  /**
   * Applied to every text a sample shows (the HTML page is made to be shared): the credential
   * redactor, so that a dataset's leak does not spread to its report. Before the cut to
   * SAMPLE_TEXT_LIMIT, which could leave half a credential that no rule recognises.
   */
  redact?: (text: string) => string;
}

export function createStatsCollector(options: CollectorOptions = {}) {
  const top = options.top ?? 10;
  const sampleSize = options.sampleSize ?? 200;
  const countTokens = options.countTokens ?? approximateTokens;
  const redact = options.redact ?? ((t: string) => t);
  const random = mulberry32(options.seed ?? 1);
  const counts = new Uint32Array(LENGTH_CAP + 1);
  const stats: Omit<Stats, "tokens"> = { records: 0, files: [], byMapping: {}, bySource: {}, byRepo: {}, byLanguage: {}, redacted: {}, largest: [], sample: [] };
  let sum = 0;
  let max = 0;

  return {
    startFile(file: string) {
      stats.files.push({ file, records: 0, skipped: 0, formats: {} });
    },
    skip(line: number, problem: string) {
      const current = stats.files.at(-1)!;
      current.skipped++;
      current.firstProblem ??= `line ${line}: ${problem}`;
    },
    add(record: RecordView, where: { file: string; line: number; bytes: number; format: Format }) {
      const current = stats.files.at(-1)!;
      current.records++;
      bump(current.formats, where.format);
      stats.records++;
      const meta = record.meta;
      const id = text(meta.id) || `${where.file}:${where.line}`;
      bump(stats.byMapping, text(meta.mapping) || NONE);
      bump(stats.bySource, text(meta.source) || NONE);
      bump(stats.byRepo, text(meta.repo) || NONE);
      const languages = Array.isArray(meta.languages) ? meta.languages.filter((l): l is string => typeof l === "string") : [];
      for (const lang of languages.length > 0 ? languages : [NONE]) bump(stats.byLanguage, lang);
      if (meta.redacted && typeof meta.redacted === "object") {
        for (const [kind, n] of Object.entries(meta.redacted)) if (typeof n === "number") stats.redacted[kind] = (stats.redacted[kind] ?? 0) + n;
      }
      const tokens = countTokens(record.instruction) + countTokens(record.input) + countTokens(record.output);
      counts[Math.min(tokens, LENGTH_CAP)]!++;
      sum += tokens;
      max = Math.max(max, tokens);
      keepLargest(stats.largest, { id, file: where.file, line: where.line, tokens, bytes: where.bytes }, top);
      // Reservoir sampling (algorithm R): every record has the same chance to be shown.
      const slot = stats.records <= sampleSize ? stats.records - 1 : Math.floor(random() * stats.records);
      if (slot < sampleSize) {
        const url = redact(text(meta.url));
        const [instruction, input, output] = [record.instruction, record.input, record.output].map(redact) as [string, string, string];
        stats.sample[slot] = {
          file: where.file, line: where.line, id: redact(id), languages, tokens,
          source: text(meta.source) || NONE, mapping: text(meta.mapping) || NONE, repo: redact(text(meta.repo)) || NONE,
          ...(url ? { url } : {}),
          instruction: instruction.slice(0, SAMPLE_TEXT_LIMIT),
          input: input.slice(0, SAMPLE_TEXT_LIMIT),
          output: output.slice(0, SAMPLE_TEXT_LIMIT),
          truncated: [instruction, input, output].some((t) => t.length > SAMPLE_TEXT_LIMIT),
        };
      }
    },
    result(): Stats {
      const sample = [...stats.sample].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
      return { ...stats, sample, tokens: { ...percentiles(counts, stats.records), max, mean: stats.records ? sum / stats.records : 0, counts } };
    },
  };
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Keeps the `top` largest by tokens, sorted largest first; ties keep the earlier record. */
function keepLargest(list: Largest[], item: Largest, top: number): void {
  if (top <= 0) return;
  if (list.length === top && item.tokens <= list[list.length - 1]!.tokens) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.tokens < item.tokens) i--;
  list.splice(i, 0, item);
  if (list.length > top) list.pop();
}

function percentiles(counts: Uint32Array, n: number) {
  const at = (q: number) => {
    if (n === 0) return 0;
    const rank = Math.ceil(q * n); // nearest-rank definition
    let seen = 0;
    for (let len = 0; len < counts.length; len++) {
      seen += counts[len]!;
      if (seen >= rank) return len;
    }
    return counts.length - 1;
  };
  return { min: at(1 / Math.max(n, 1)), p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}
