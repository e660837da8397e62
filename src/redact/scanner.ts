// Runs a rule table over a text: a keyword prefilter first (a rule whose keywords are all
// absent cannot match), then each remaining rule, then overlapping findings are merged so
// that no part of a value survives. The prefilter is one pass of one regex over the
// lower-cased text: gitleaks runs Aho-Corasick over its keywords for the same reason; one
// includes() per keyword would read the text some 70 times, which measured slower than
// running the rules themselves. Keywords are for rare strings (issuer prefixes): a keyword
// found on every line ("key", "@") only stops the regex there, so rules that would need
// one have none and do their own cheap search (indexOf("@"), indexOf("://")).
import type { Rule, Span } from "./rule.js";

export interface ScannedFinding extends Span {
  kind: string;
}

/** `<REDACTED:kind>`: what replaces a value. No rule accepts it (see isPlaceholder). */
export function marker(kind: string): string {
  return `<REDACTED:${kind}>`;
}

const MARKER = /<REDACTED:[a-z0-9-]{1,40}>/g;

interface CompiledRule {
  rule: Rule;
  pattern: RegExp | undefined;
}

interface Candidate extends ScannedFinding {
  priority: number;
}

export function createScanner(rules: readonly Rule[]): (text: string) => ScannedFinding[] {
  // Own copies of the regexes (with `d` for group offsets): no lastIndex shared between scanners.
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    pattern: rule.pattern && new RegExp(rule.pattern.source, withFlags(rule.pattern.flags, "gd")),
  }));
  const findKeywords = createKeywordFinder(rules.flatMap((r) => r.keywords));
  return (text) => {
    if (text.length === 0) return [];
    const present = findKeywords(text);
    const candidates: Candidate[] = [];
    for (const { rule, pattern } of compiled) {
      if (rule.keywords.length > 0 && !rule.keywords.some((k) => present.has(k))) continue;
      const spans: Iterable<Span & { kind?: string }> = pattern ? matchPattern(rule, pattern, text) : (rule.find?.(text) ?? []);
      for (const s of spans) {
        if (s.end > s.start) candidates.push({ kind: s.kind ?? rule.kind, start: s.start, end: s.end, priority: rule.priority });
      }
    }
    return merge(withoutMarkers(candidates, text));
  };
}

/** Which of the keywords occur in a text (case-insensitively), in one pass. */
function createKeywordFinder(all: readonly string[]): (text: string) => Set<string> {
  const keywords = [...new Set(all)].sort((a, b) => b.length - a.length);
  if (keywords.length === 0) return () => new Set();
  const pattern = new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  // A keyword inside a longer one that matched at the same place ("sk-" in "sk-ant-") is there too.
  const inside = new Map(keywords.map((k) => [k, keywords.filter((other) => other !== k && k.includes(other))]));
  return (text) => {
    const lower = text.toLowerCase();
    const found = new Set<string>();
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lower); m !== null; m = pattern.exec(lower)) {
      if (!found.has(m[0])) {
        found.add(m[0]);
        for (const k of inside.get(m[0]) ?? []) found.add(k);
      }
      pattern.lastIndex = m.index + 1; // overlapping keywords: "accountkey" holds "key"
    }
    return found;
  };
}

function* matchPattern(rule: Rule, pattern: RegExp, text: string): Iterable<Span & { kind?: string }> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++; // a user pattern that can match nothing
    let kind = rule.kind;
    let group = rule.group ?? 0;
    if (rule.resolve) {
      const resolved = rule.resolve(m);
      if (!resolved) continue;
      ({ kind, group } = resolved);
    } else if (rule.accept && !rule.accept(m[group] ?? "", m)) {
      continue;
    }
    const range = m.indices?.[group];
    if (range) yield { kind, start: range[0], end: range[1] };
  }
}

// Our own markers are never findings, whatever a (user) pattern says: redaction is idempotent.
function withoutMarkers(candidates: Candidate[], text: string): Candidate[] {
  if (candidates.length === 0 || !text.includes("<REDACTED:")) return candidates;
  const markers = [...text.matchAll(MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return candidates.filter((c) => !markers.some((k) => c.start < k.end && k.start < c.end));
}

// Findings that overlap become one, spanning both, named by the more specific rule: a token in a
// URL's password is a github-token, not a url-password; nothing of either is left in the text.
function merge(candidates: Candidate[]): ScannedFinding[] {
  candidates.sort((a, b) => a.start - b.start || b.priority - a.priority || b.end - a.end);
  const merged: Candidate[] = [];
  for (const c of candidates) {
    const last = merged.at(-1);
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (c.priority > last.priority) {
        last.kind = c.kind;
        last.priority = c.priority;
      }
      continue;
    }
    merged.push({ ...c });
  }
  return merged.map(({ kind, start, end }) => ({ kind, start, end }));
}

function withFlags(flags: string, add: string): string {
  let out = flags;
  for (const f of add) if (!out.includes(f)) out += f;
  return out;
}
