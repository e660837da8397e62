// What a run and the rejects file report: counts by kind, never a value.
import type { Finding } from "../redact.js";

/** Kinds that are personal data or the user's own patterns, not credentials. */
export const NON_CREDENTIAL_KINDS: ReadonlySet<string> = new Set(["email", "custom"]);

/**
 * True for a credential (a key, token, password); false for personal data and user patterns.
 * `--on-secret drop|fail` and validate's `secret` check should act only on credentials: an
 * e-mail address is redacted, but it is not a reason to drop a record.
 */
export function isCredentialKind(kind: string): boolean {
  return !NON_CREDENTIAL_KINDS.has(kind);
}

/** { "github-token": 2, "email": 1 }: how many findings of each kind. */
export function summarizeFindings(findings: Iterable<Pick<Finding, "kind">>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}
