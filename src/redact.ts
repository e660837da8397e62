// Credentials and personal data: found, and replaced by a marker that names their kind
// (`<REDACTED:aws-access-key>`), never their value. The same rules serve redaction in
// the pipeline and the `secret` check of the validator.
//
// NOTE: interface first; the full rule set is being built (issue 5).

export interface Finding {
  /** The rule's name, e.g. "github-token", "aws-access-key", "private-key". */
  kind: string;
  /** UTF-16 offsets of the value in the scanned text. */
  start: number;
  end: number;
}

export interface Redaction {
  text: string;
  findings: Finding[];
}

export interface Redactor {
  /** Every credential in the text, in order, without overlaps. */
  scan(text: string): Finding[];
  /** The text with every finding replaced by `<REDACTED:kind>`. */
  redact(text: string): Redaction;
}

export interface RedactorOptions {
  /** User patterns (--redact-pattern), reported with kind "custom". */
  extraPatterns?: readonly RegExp[];
}

interface Rule {
  kind: string;
  pattern: RegExp;
  /** Index of the capture group holding the value; 0 for the whole match. */
  group?: number;
}

const RULES: Rule[] = [
  { kind: "github-token", pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/g },
  { kind: "github-token", pattern: /\bgithub_pat_[A-Za-z0-9_]{82}\b/g },
  { kind: "aws-access-key", pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  {
    kind: "aws-secret-key",
    pattern: /aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 1,
  },
  { kind: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  {
    kind: "private-key",
    pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { kind: "url-password", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]{3,})@/g, group: 1 },
  {
    kind: "password",
    pattern: /\b(?:password|passwd|pwd|secret|api_?key|token)["']?\s*[:=]\s*["']([^"'\s]{8,})["']/gi,
    group: 1,
  },
];

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const rules: Rule[] = [
    ...RULES,
    ...(options.extraPatterns ?? []).map((p) => ({ kind: "custom", pattern: new RegExp(p.source, withGlobal(p.flags)) })),
  ];
  const scan = (text: string): Finding[] => {
    const found: Finding[] = [];
    for (const rule of rules) {
      rule.pattern.lastIndex = 0;
      for (const m of text.matchAll(rule.pattern)) {
        const group = rule.group ?? 0;
        const value = m[group];
        if (value === undefined || value.length === 0) continue;
        const start = (m.index ?? 0) + (group === 0 ? 0 : m[0].indexOf(value));
        found.push({ kind: rule.kind, start, end: start + value.length });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Finding[] = [];
    for (const f of found) {
      const last = merged.at(-1);
      if (last && f.start < last.end) continue;
      merged.push(f);
    }
    return merged;
  };
  return {
    scan,
    redact(text) {
      const findings = scan(text);
      if (findings.length === 0) return { text, findings };
      let out = "";
      let at = 0;
      for (const f of findings) {
        out += text.slice(at, f.start) + `<REDACTED:${f.kind}>`;
        at = f.end;
      }
      return { text: out + text.slice(at), findings };
    },
  };
}

function withGlobal(flags: string): string {
  return flags.includes("g") ? flags : `${flags}g`;
}
