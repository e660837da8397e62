// The shape of one detection rule, shared by the rule tables and the scanner.

/** A found value: UTF-16 offsets into the scanned text. */
export interface Span {
  start: number;
  end: number;
}

export interface Rule {
  /** Reported as Finding.kind and in the marker: `<REDACTED:kind>`. Lower-case and dashes. */
  kind: string;
  /**
   * ASCII strings of which one must occur (case-insensitively) in the text before the rule runs
   * at all (the prefilter, like gitleaks' `keywords`). Each must be part of every match.
   * Empty: the rule always runs over the whole text.
   */
  keywords: readonly string[];
  /**
   * A global regex. Quantifiers are bounded and never nested, so no input backtracks badly.
   * With keywords, a match never spans a line break: the scanner runs the pattern only on the
   * lines that hold a keyword (and pass `near`), each line as a text of its own.
   */
  pattern?: RegExp;
  /**
   * With keywords and a pattern: a cheap test of one keyword occurrence (text[start, end)),
   * true for at least one occurrence in every match. A line none of whose occurrences passes it
   * is not scanned. For keywords common in code ("token", "key") that rarely start a match.
   */
  near?: (text: string, start: number, end: number) => boolean;
  /** Capture group holding the value to redact; 0 (the default) for the whole match. */
  group?: number;
  /** Drops a match whose value fails it (placeholders, low entropy...). */
  accept?: (value: string, match: RegExpExecArray) => boolean;
  /**
   * For patterns with several value groups: picks the kind and group of a match, or drops it
   * (undefined). Replaces `group` and `accept`.
   */
  resolve?: (match: RegExpExecArray) => { kind: string; group: number } | undefined;
  /**
   * When `accept` or `resolve` drops a match: the capture group after whose end the pattern
   * searches again. Without it the search goes on after the whole match, and a match that
   * swallowed the start of the real one hides it ("secret: DB_PASSWORD=x" first matches as
   * `secret: DB_PASSWORD`; the name's "PASSWORD" must get its own try).
   */
  retryAfter?: number;
  /**
   * Instead of a pattern: a hand-written finder, for formats a regex would scan slowly. It runs
   * on most texts and finds nothing in almost all: an array (NO_SPANS when empty), not a
   * generator, whose frames and iterator results were a quarter of `validate`'s garbage.
   */
  find?: (text: string) => readonly Span[];
  /** When findings overlap, the higher priority names the kind: issuer formats beat generic rules. */
  priority: number;
}

/** What a finder returns when it finds nothing: one shared empty array. */
export const NO_SPANS: readonly Span[] = Object.freeze([]);

/** Priorities, named so the tables read as intent. */
export const PRIORITY = { issuer: 30, structure: 20, context: 10, generic: 5, pii: 1 } as const;
