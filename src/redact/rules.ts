// The rule table of the redactor.
//
// Why our own table rather than a maintained one. Measured on this project's corpus
// (test/redact/corpus.test.ts: 121 made-up credentials in 36 issuer groups, 127 look-alikes)
// and on 4 MB of diffs cut from real code (bench/redact.ts --gitleaks-json --secretlint-dir;
// figures in bench/README.md; CPU time on a busy 2-core machine):
//
//   rules                          recall   false alarms   scan speed
//   this table                     100%     0%             330-400 MB/s
//   gitleaks default (ported)      86.0%    3.1%           ~6 MB/s (217 regexes run in JS)
//   secretlint preset-recommend    36.4%    3.1%           7-13 MB/s
//
// gitleaks has no rule for Azure SAS signatures, URL passwords or literal passwords, and its
// generic-api-key rule fires on public identifiers; secretlint by design skips AWS key IDs
// and has no Stripe, Twilio, DigitalOcean, Telegram, JWT, Azure or generic-password rules.
// Both flag the example tokens of @octokit's README in node_modules, which we drop as
// placeholders. Their speed is mostly the cost of running 200 rules where 30 do. So: our
// own table, with the issuer formats (prefixes, lengths, alphabets) taken from the issuers'
// documentation and, where noted, gitleaks' regex text (MIT, (c) Zachary Rice).
//
// Decisions:
// - A literal password assigned to a password-like name (password, passwd, pwd, pass,
//   passphrase) is redacted whatever its entropy, unless it is a placeholder (changeme,
//   ********, <password>, ${VAR}, YOUR_...); other names (token, secret, api_key ...) need a
//   value that looks random (entropy >= 3 bits/char, 12+ characters, digits or mixed case,
//   printable ASCII, not made of words), because those names carry ordinary values in code
//   all the time.
// - An unquoted value is code, not a literal, when it is a member access (config.apiKey), a
//   negated identifier (!questionToken) or an identifier of two words or more (contextToken2):
//   an identifier or expression is not a secret. A lone word with digits (sunshine99) after a
//   password name is still a typed password.
// - Documented public examples are not findings: AWS's AKIAIOSFODNN7EXAMPLE and its secret
//   (...EXAMPLEKEY), jwt.io's default token, Stripe's API-reference test key (the list is in
//   public-examples.ts), Slack's T00000000/B00000000/XXXX webhook, tokens full of x, X or 0.
//   Flagging them would drop records under --on-secret drop for nothing secret.
// - Stripe test-mode secret keys (sk_test_) are findings: they read and write the account's
//   test data. Publishable keys (pk_) are public and are not.
// - Twilio account (AC) and API key (SK) SIDs are findings: each is half of a credential pair.
import { EMAIL_RULE } from "./email.js";
import type { Rule } from "./rule.js";
import { COMMAND_RULES } from "./rules-command.js";
import { ENCODED_RULES } from "./rules-encoded.js";
import { CONTEXT_RULES, GENERIC_RULE } from "./rules-context.js";
import { FILE_RULES } from "./rules-files.js";
import { IDIOM_RULES } from "./rules-idioms.js";
import { STRUCTURE_RULES } from "./rules-structure.js";
import { TOKEN_RULES } from "./rules-tokens.js";

/** Credential rules, from most to least specific. */
export const CREDENTIAL_RULES: readonly Rule[] = [...TOKEN_RULES, ...STRUCTURE_RULES, ...ENCODED_RULES, ...CONTEXT_RULES, ...COMMAND_RULES, ...IDIOM_RULES, ...FILE_RULES, GENERIC_RULE];

export { EMAIL_RULE };

/** Every kind a built-in rule reports, for documentation and tests. */
export const BUILTIN_KINDS: readonly string[] = [
  ...new Set([...CREDENTIAL_RULES.map((r) => r.kind), "password", EMAIL_RULE.kind]),
].sort();
