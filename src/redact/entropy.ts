// Cheap tests on a candidate value: how random it looks (Shannon entropy) and whether it is
// one of the stand-ins people write where a real credential would go. Rules call these after
// their regex matched, so a format match alone ("ghp_" + 36 x's) is not yet a finding.
import { isPublicExample } from "./public-examples.js";

/** Shannon entropy in bits per character. Random base62 of length 40 scores about 5. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Whole values that only ever stand in for a secret.
const PLACEHOLDER_WORDS = new Set([
  "changeme", "change_me", "change-me", "changeit", "password", "passwd", "secret", "token", "apikey",
  "api_key", "api-key", "example", "sample", "dummy", "test", "testing", "foobar", "foo", "bar", "baz",
  "null", "none", "nil", "undefined", "true", "false", "empty", "redacted", "hidden", "masked", "default",
  "placeholder", "todo", "tbd", "fixme", "required", "optional", "string", "value", "admin", "root",
  "letmein", "qwerty", "notasecret", "not-a-secret", "fake", "mock", "invalid", "xxx",
]);

// Fragments that mark a value as a stand-in or a reference to a secret kept elsewhere:
// "<your-token>", "YOUR_API_KEY", "${{ secrets.X }}", "{{ .Values.x }}", "process.env.TOKEN",
// and our own marker, so redacting twice changes nothing. Then whole-value shapes:
// "$(pass show x)", "%(password)s", "%DB_PASSWORD%", "$DB_PASSWORD", PowerShell's
// "$env:DB_PASSWORD", "vault:secret/x".
const PLACEHOLDER_FRAGMENTS =
  /your[_-]?|<[^>]*>|\$\{|\{\{|\}\}|process\.env|os\.environ|getenv|environ\[|secrets\.|example|placeholder|dummy|sample|redacted|replace[_-]?me|\.\.\.|xxxx|\*\*\*|####|0000000|1234567|abcdefg/i;
const PLACEHOLDER_SHAPES = /^(?:\$\(|%\(|%[A-Za-z_]+%$|\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*$|vault:|insert[_-])/;

/** True for values that are obviously not a real credential, documented public examples included. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (PLACEHOLDER_FRAGMENTS.test(value) || PLACEHOLDER_SHAPES.test(value)) return true;
  if (isPublicExample(value)) return true;
  // "aaaaaaaa", "--------", "........": one character repeated.
  if (/^(.)\1*$/.test(value)) return true;
  return false;
}

/**
 * A token's random part (after its issuer's prefix) that looks generated, not typed:
 * not a placeholder, no long run of one character, and enough entropy for its length.
 */
export function looksRandom(body: string, minEntropy = 3): boolean {
  if (isPlaceholder(body)) return false;
  if (/(.)\1{5}/.test(body)) return false;
  return shannonEntropy(body) >= Math.min(minEntropy, Math.log2(body.length) - 0.5);
}
