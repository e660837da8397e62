// Credentials and personal data: found, and replaced by a marker that names their kind
// (`<REDACTED:aws-access-key>`), never their value. The same rules serve redaction in
// the pipeline and the `secret` check of the validator. The rules live in src/redact/.
import { EMAIL_RULE, CREDENTIAL_RULES } from "./redact/rules.js";
import { PRIORITY, type Rule } from "./redact/rule.js";
import { createScanner, marker, replaceFindings } from "./redact/scanner.js";

export { BUILTIN_KINDS } from "./redact/rules.js";
export { compileRedactPattern } from "./redact/user-patterns.js";
export { createPseudonymizer, namesReplacer, pseudonymizeText, type Pseudonymizer, type PseudonymizerOptions } from "./redact/pseudonym.js";
export { isCredentialKind, summarizeFindings } from "./redact/summary.js";
export { marker as redactionMarker };

export interface Finding {
  /** The rule's name, e.g. "github-token", "aws-access-key", "private-key", "email", "custom". */
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
  /** The text with every finding replaced by `<REDACTED:kind>`. Redacting again changes nothing. */
  redact(text: string): Redaction;
}

export interface RedactorOptions {
  /** User patterns (--redact-pattern), reported with kind "custom". See compileRedactPattern. */
  extraPatterns?: readonly RegExp[];
  /** Report e-mail addresses (kind "email"); default true. */
  emails?: boolean;
  /** Literal secrets the run knows (the user's own GitHub token), each found as its kind. */
  literals?: readonly { kind: string; value: string }[];
}

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const rules: Rule[] = [...CREDENTIAL_RULES];
  if (options.emails ?? true) rules.push(EMAIL_RULE);
  for (const pattern of options.extraPatterns ?? []) {
    rules.push({ kind: "custom", keywords: [], pattern, priority: PRIORITY.pii + 1 });
  }
  for (const { kind, value } of options.literals ?? []) {
    const pattern = new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g");
    rules.push({ kind, keywords: [], pattern, priority: PRIORITY.issuer + 1 });
  }
  const scan = createScanner(rules);
  return {
    scan,
    redact(text) {
      const findings = scan(text);
      if (findings.length === 0) return { text, findings };
      return { text: replaceFindings(text, findings), findings };
    },
  };
}
