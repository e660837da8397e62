// What a dataset card says about a file, gathered in one streaming pass: only counts.
import type { Format } from "../formats.js";
import { readRecords } from "../stats/read-records.js";

export interface CardFacts {
  records: number;
  skipped: number;
  formats: Partial<Record<Format, number>>;
  byRepo: Record<string, number>;
  /** A repository's licence when the records carry one (meta.license); usually they do not. */
  repoLicense: Record<string, string>;
  byMapping: Record<string, { source: string; records: number }>;
  bySource: Record<string, number>;
  byLanguage: Record<string, number>;
  /** Replacements by kind, summed over meta.redacted; and how many records had any. */
  redacted: Record<string, number>;
  recordsRedacted: number;
  /**
   * What the card found itself, not what meta says: credentials still in the texts (by kind)
   * and how many records hold any; records no gh-harvest rule made (no meta.mapping).
   */
  credentials: Record<string, number>;
  recordsWithCredentials: number;
  foreign: number;
}

export interface CardFactOptions {
  /** The credential scanner: kinds of what a text holds. */
  scan?: (text: string) => readonly { kind: string }[];
}

const NONE = "(none)";
const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const bump = (map: Record<string, number>, key: string, n = 1) => (map[key] = (map[key] ?? 0) + n);

export async function collectCardFacts(file: string, options: CardFactOptions = {}): Promise<CardFacts> {
  const facts: CardFacts = {
    records: 0, skipped: 0, formats: {}, byRepo: {}, repoLicense: {}, byMapping: {}, bySource: {}, byLanguage: {}, redacted: {}, recordsRedacted: 0,
    credentials: {}, recordsWithCredentials: 0, foreign: 0,
  };
  for await (const read of readRecords(file)) {
    if ("problem" in read) {
      facts.skipped++;
      continue;
    }
    const meta = read.record.meta;
    facts.records++;
    facts.formats[read.format] = (facts.formats[read.format] ?? 0) + 1;
    const repo = text(meta.repo) ?? NONE;
    bump(facts.byRepo, repo);
    const license = text(meta.license);
    if (license) facts.repoLicense[repo] ??= license;
    const source = text(meta.source) ?? NONE;
    bump(facts.bySource, source);
    const mapping = text(meta.mapping) ?? NONE;
    if (mapping === NONE) facts.foreign++;
    if (options.scan) {
      const found = [read.record.instruction, read.record.input, read.record.output].flatMap((t) => options.scan!(t));
      for (const f of found) bump(facts.credentials, f.kind);
      if (found.length > 0) facts.recordsWithCredentials++;
    }
    const rule = (facts.byMapping[mapping] ??= { source, records: 0 });
    rule.records++;
    const languages = Array.isArray(meta.languages) ? meta.languages.filter((l): l is string => typeof l === "string") : [];
    for (const lang of languages) bump(facts.byLanguage, lang);
    if (meta.redacted && typeof meta.redacted === "object") {
      let any = false;
      for (const [kind, n] of Object.entries(meta.redacted)) {
        if (typeof n !== "number" || n <= 0) continue;
        bump(facts.redacted, kind, n);
        any = true;
      }
      if (any) facts.recordsRedacted++;
    }
  }
  return facts;
}
