// Runs a rule table over a text: a keyword prefilter first (a rule whose keywords are all
// absent cannot match), then each remaining rule, then overlapping findings are merged so
// that no part of a value survives. The prefilter is one pass of an Aho-Corasick automaton
// over the text (keywords.ts), as gitleaks does, and it says where each keyword is: a rule
// with keywords runs its regex only on the lines that hold one, never over the whole text.
// Rules without keywords run everywhere, so they are hand-written finders that start from a
// cheap indexOf ("@", "://"), or patterns that irregexp scans fast (user patterns).
import { createKeywordFinder, type KeywordHit } from "./keywords.js";
import { NO_SPANS, type Rule, type Span } from "./rule.js";

export interface ScannedFinding extends Span {
  kind: string;
}

/** `<REDACTED:kind>`: what replaces a value. No rule accepts it (see isPlaceholder). */
export function marker(kind: string): string {
  return `<REDACTED:${kind}>`;
}

const MARKER = /<REDACTED:[a-z0-9-]{1,40}>/g;

/**
 * The text with each finding replaced by its marker. A finding that spans lines (a private
 * key) keeps them: one marker a line, each after the line's diff sign ("+", "-", " ") when it
 * had one. Collapsed into one line, it would leave a diff whose hunk header counts lines that
 * are gone: a corrupt patch that `git apply` and every diff parser refuse.
 */
export function replaceFindings(text: string, findings: readonly ScannedFinding[]): string {
  let out = "";
  let at = 0;
  for (const f of findings) {
    const mark = marker(f.kind);
    out += text.slice(at, f.start) + mark;
    for (let nl = text.indexOf("\n", f.start); nl !== -1 && nl < f.end; nl = text.indexOf("\n", nl + 1)) {
      const cr = nl > f.start && text[nl - 1] === "\r" ? "\r" : "";
      // A span that ends with its line break keeps the break; the next line is not its own.
      if (nl + 1 >= f.end) {
        out += `${cr}\n`;
        break;
      }
      const sign = text[nl + 1];
      out += `${cr}\n${sign === "+" || sign === "-" || sign === " " ? sign : ""}${mark}`;
    }
    at = f.end;
  }
  return out + text.slice(at);
}

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
  const keywords = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))];
  const findKeywords = createKeywordFinder(keywords);
  // For each keyword, the rules that list it.
  const rulesOf: number[][] = keywords.map(() => []);
  rules.forEach((rule, i) => {
    for (const k of new Set(rule.keywords.map((w) => w.toLowerCase()))) rulesOf[keywords.indexOf(k)]!.push(i);
  });
  // Most texts hold no keyword (ids, names, short messages): they run only these.
  const everywhere = compiled.filter(({ rule }) => rule.keywords.length === 0);
  return (text) => {
    if (text.length === 0) return [];
    const found = findKeywords(text);
    const candidates: Candidate[] = [];
    if (found.length === 0) {
      for (const { rule, pattern } of everywhere) run(rule, pattern, text, undefined, candidates);
    } else {
      const hitsOf: (KeywordHit[] | undefined)[] = new Array(rules.length);
      for (const hit of found) {
        for (const i of rulesOf[hit.keyword]!) (hitsOf[i] ??= []).push(hit);
      }
      for (let i = 0; i < compiled.length; i++) {
        const { rule, pattern } = compiled[i]!;
        if (rule.keywords.length === 0 || hitsOf[i] !== undefined) run(rule, pattern, text, hitsOf[i], candidates);
      }
    }
    return candidates.length === 0 ? [] : merge(withoutMarkers(candidates, text));
  };
}

/** One rule over the text: its finder, its pattern everywhere (no keywords), or its pattern on the lines of its keyword hits. */
function run(rule: Rule, pattern: RegExp | undefined, text: string, hits: KeywordHit[] | undefined, out: Candidate[]): void {
  if (!pattern) addSpans(rule, rule.find?.(text) ?? NO_SPANS, out);
  else if (hits === undefined) addMatches(rule, pattern, text, 0, out);
  else addLineMatches(rule, pattern, text, hits, out);
}

function addSpans(rule: Rule, spans: readonly Span[], out: Candidate[]): void {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.end > s.start) out.push({ kind: rule.kind, start: s.start, end: s.end, priority: rule.priority });
  }
}

// A rule's pattern on each line that holds one of its keywords (see Rule.pattern): the same
// matches as over the whole text, since no match spans a line break, at the cost of the lines.
function addLineMatches(rule: Rule, pattern: RegExp, text: string, hits: KeywordHit[], out: Candidate[]): void {
  if (!inOrder(hits)) hits.sort((a, b) => a.start - b.start);
  let done = 0; // lines before this offset have been scanned
  for (const { start, end } of hits) {
    if (start < done || (rule.near && !rule.near(text, start, end))) continue;
    const lineStart = start === 0 ? 0 : text.lastIndexOf("\n", start - 1) + 1;
    let lineEnd = text.indexOf("\n", end);
    if (lineEnd === -1) lineEnd = text.length;
    const line = lineStart === 0 && lineEnd === text.length ? text : text.slice(lineStart, lineEnd);
    addMatches(rule, pattern, line, lineStart, out);
    done = lineEnd;
  }
}

// Hits come in the order they end, which is almost always the order they start: then no sort
// (V8's sort allocates a work array each call, and this runs for most texts of a dataset).
function inOrder(hits: readonly KeywordHit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.start < hits[i - 1]!.start) return false;
  return true;
}

/** Each match of the pattern in `text` (which starts at `offset` of the scanned text). */
function addMatches(rule: Rule, pattern: RegExp, text: string, offset: number, out: Candidate[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++; // a user pattern that can match nothing
    let kind = rule.kind;
    let group = rule.group ?? 0;
    if (rule.resolve) {
      const resolved = rule.resolve(m);
      if (!resolved) {
        retry(rule, pattern, m);
        continue;
      }
      ({ kind, group } = resolved);
    } else if (rule.accept && !rule.accept(m[group] ?? "", m)) {
      retry(rule, pattern, m);
      continue;
    }
    const range = m.indices?.[group];
    if (range && range[1] > range[0]) out.push({ kind, start: offset + range[0], end: offset + range[1], priority: rule.priority });
  }
}

// A dropped match: search again from the end of the rule's retry group (see Rule.retryAfter),
// which is past the match's start, so the search still moves on.
function retry(rule: Rule, pattern: RegExp, m: RegExpExecArray): void {
  const end = rule.retryAfter === undefined ? undefined : m.indices?.[rule.retryAfter]?.[1];
  if (end !== undefined && end > m.index) pattern.lastIndex = end;
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
