// Scores a scanner on the corpus: recall (a credential counts as caught when findings cover
// every character of it) and false alarms (a look-alike with any finding at all).
import { credentialCorpus, type CredentialSample } from "../../fixtures/secrets/credentials.js";
import { lookAlikeCorpus, type LookAlikeSample } from "../../fixtures/secrets/lookalikes.js";

export interface Span {
  kind: string;
  start: number;
  end: number;
}

export type ScanFn = (text: string) => Span[] | Promise<Span[]>;

export interface Score {
  credentials: number;
  caught: number;
  recall: number;
  lookAlikes: number;
  falseAlarms: number;
  falseAlarmRate: number;
  /** Issuers (as named in the brief) with at least one credential missed: issuer → missed/total. */
  missedByIssuer: Record<string, string>;
  /** Credentials caught but reported under another kind than expected. */
  wrongKind: { issuer: string; expected: string; got: string }[];
  /** Look-alike labels that raised an alarm, with the kinds reported. */
  alarms: { label: string; kinds: string[] }[];
}

/** True when the union of `spans` covers [start, end). */
export function covers(spans: readonly Span[], start: number, end: number): boolean {
  let at = start;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start <= at && s.end > at) at = s.end;
    if (at >= end) return true;
  }
  return at >= end;
}

export async function scoreCorpus(
  scan: ScanFn,
  credentials: readonly CredentialSample[] = credentialCorpus(),
  lookAlikes: readonly LookAlikeSample[] = lookAlikeCorpus(),
): Promise<Score> {
  let caught = 0;
  const totals = new Map<string, { missed: number; total: number }>();
  const wrongKind: Score["wrongKind"] = [];
  for (const c of credentials) {
    const start = c.text.indexOf(c.value);
    if (start === -1 || c.value === "") throw new Error(`corpus sample ${c.issuer}: value not in its text`);
    const spans = await scan(c.text);
    const hit = covers(spans, start, start + c.value.length);
    const t = totals.get(c.issuer) ?? { missed: 0, total: 0 };
    t.total++;
    if (hit) {
      caught++;
      const kinds = spans.filter((s) => s.start < start + c.value.length && s.end > start).map((s) => s.kind);
      if (!kinds.includes(c.kind)) wrongKind.push({ issuer: c.issuer, expected: c.kind, got: kinds.join(",") });
    } else {
      t.missed++;
    }
    totals.set(c.issuer, t);
  }
  const alarms: Score["alarms"] = [];
  for (const l of lookAlikes) {
    const spans = await scan(l.text);
    if (spans.length > 0) alarms.push({ label: l.label, kinds: [...new Set(spans.map((s) => s.kind))] });
  }
  const missedByIssuer: Record<string, string> = {};
  for (const [issuer, t] of totals) if (t.missed > 0) missedByIssuer[issuer] = `${t.missed}/${t.total}`;
  return {
    credentials: credentials.length,
    caught,
    recall: caught / credentials.length,
    lookAlikes: lookAlikes.length,
    falseAlarms: alarms.length,
    falseAlarmRate: alarms.length / lookAlikes.length,
    missedByIssuer,
    wrongKind,
    alarms,
  };
}
