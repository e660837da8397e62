// Credentials recognisable only by where they stand: a value assigned to a name that says
// "secret" (AWS secret keys, Azure account keys, Twilio auth tokens, passwords, API keys),
// the signature of an Azure SAS URL, an Authorization header.
import { isPlaceholder, shannonEntropy } from "./entropy.js";
import { PRIORITY, type Rule } from "./rule.js";
import { looksLikeWords, wordShape } from "./words.js";

// `name = value`, `name: value`, `"name": "value"`, `name := value`, `name => value`, `NAME=value`.
// A quote may be escaped (\" \'): inside a JSON-encoded string (OpenAI tool-call arguments,
// a function_call value) or a string literal that builds JSON, every quote is.
const QUOTE = String.raw`\\?["'\x60]`;
const ASSIGN = String.raw`(?:${QUOTE})?\??[ \t]*(?:=|:=|::=|:|=>|\?=)(?!=)[ \t]*`;

function context(kind: string, keywords: string[], pattern: RegExp, accept: Rule["accept"], near?: Rule["near"]): Rule {
  return { kind, keywords, pattern, group: 1, accept, near, priority: PRIORITY.context };
}

const highEntropy = (min: number) => (v: string) => !isPlaceholder(v) && shannonEntropy(v) >= min;

export const CONTEXT_RULES: readonly Rule[] = [
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html: 40 base64
  // characters, only ever recognisable by the name it is assigned to (aws_secret_access_key,
  // AWS_SECRET_KEY, "SecretAccessKey"). AWS's documented example (…EXAMPLEKEY) is public.
  context(
    "aws-secret-key",
    ["secret"],
    new RegExp(String.raw`(?:aws[\w.-]{0,20}?secret[\w.-]{0,20}?|secret[_.-]?access[_.-]?)key${ASSIGN}(?:${QUOTE})?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, "gi"),
    (v) => !v.includes("EXAMPLE") && highEntropy(4)(v),
    followedByAssignment,
  ),
  // The same secret written in prose next to its key id ("key AKIA... and secret wJal..."):
  // 40 base64 characters on the line of an access key id, mixed case like every real one
  // (a sha is lower-case hex).
  context(
    "aws-secret-key",
    ["akia", "asia"],
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b[^\n]{0,120}?(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    (v) => !v.includes("EXAMPLE") && /[a-z]/.test(v) && /[A-Z]/.test(v) && highEntropy(4)(v),
  ),
  // https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string:
  // AccountKey=<88 base64>; Service Bus / Event Hubs: SharedAccessKey=<44 base64>.
  context(
    "azure-key",
    ["accountkey", "accesskey"],
    /\b(?:AccountKey|SharedAccessKey|AccessKey)[ \t]*=[ \t]*([A-Za-z0-9+/]{30,100}={0,2})/gi,
    highEntropy(4),
    followedByAssignment,
  ),
  context(
    "azure-key",
    ["azure"],
    new RegExp(String.raw`azure[\w.-]{0,30}?(?:key|secret)${ASSIGN}(?:${QUOTE})?([A-Za-z0-9+/]{86}==)`, "gi"),
    highEntropy(4),
  ),
  // https://learn.microsoft.com/azure/storage/common/storage-sas-overview: the sig parameter is
  // the HMAC that makes a SAS URL a credential (base64, often percent-encoded).
  context("azure-sas-token", ["sig="], /[?&;]sig=((?:[A-Za-z0-9+/]|%2[BbFf]){30,120}(?:=|%3[Dd]){0,2})/g, highEntropy(3.5)),
  // https://www.twilio.com/docs/iam/api/authtoken: 32 hex characters next to a Twilio name.
  context(
    "twilio-auth-token",
    ["twilio"],
    new RegExp(String.raw`twilio[\w.-]{0,30}?(?:token|secret)${ASSIGN}(?:${QUOTE})?([0-9a-fA-F]{32})\b`, "gi"),
    highEntropy(3),
  ),
  // Authorization: Bearer …, Basic …, token …; X-API-Key: … (curl -H, HTTP dumps, code).
  context(
    "auth-header",
    ["authorization", "api-key", "auth-token"],
    /\b(?:proxy-)?(?:authorization|x-api-key|api-key|x-auth-token)(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?(?:(?:bearer|basic|token|bot)[ \t]+)?([A-Za-z0-9._~+/=-]{16,8192})(?![A-Za-z0-9._~+/=-])/gi,
    // Letters alone are words ("some-token") unless they read as random (a key of base52).
    (v) => highEntropy(3)(v) && !(/^[a-z]+(?:[-_.][a-z]+)*$/i.test(v) && looksLikeWords(v)),
    followedByAssignment,
  ),
];

// Names that say the value is a password, then names that say it is some other secret.
// A bare "pass" only as a word of its own (DB_PASS, smtp.pass), not in compass or passenger.
const PASSWORD_NAME = String.raw`pass(?:word|wd|phrase)|(?<![a-z0-9])pass(?![a-z])|pwd`;
const SECRET_NAME = String.raw`secret|token|api[_-]?key|apikey|(?:access|auth|storage|account|master|signing|encryption|private)[_-]?key|credentials?`;
// A suffix that turns the name into something else: secret_name, token_url, password_hash,
// tokenizer, max_tokens, api_key_id, passwordField, ...
const NOT_A_SECRET_WORDS = new Set([
  "name", "names", "url", "uri", "path", "file", "files", "dir", "id", "ids", "type", "types",
  "len", "length", "size", "count", "endpoint", "field", "header", "prefix", "suffix", "env",
  "var", "regex", "pattern", "format", "expires", "expiry", "expiration", "expire", "at", "in",
  "ttl", "timeout", "hash", "hashed", "digest", "label", "prompt", "hint", "placeholder",
  "message", "msg", "text", "title", "policy", "reset", "strength", "izer", "iser", "ize", "ise",
  "ized", "ised", "s", "es", "ref", "version", "limit", "mode", "method", "provider", "source",
  "kind", "class", "usage", "index", "column", "param", "arg", "flag", "enabled", "required",
  "min", "max", "rule", "error", "input", "manager", "service", "store", "storage", "validator",
  "ui", "page", "form", "view", "button", "link", "display", "visible", "valid",
]);

// The keyword of a name that says secret (group 1), not after a word that makes it public or
// an identifier: public_key, csrf_token, next_page_token.
const NAME_KEYWORD = String.raw`(?<!(?:public|publishable|csrf|xsrf|next|prev|page|continuation|sync|cancellation)[_.-]?)(${PASSWORD_NAME}|${SECRET_NAME})`;

// A character of an unquoted value. It stops at "=" (but keeps base64 padding): "a=b=c" is not
// one value, and "password=password=..." must not make every keyword scan the rest of the line.
// It stops at a JSON string's escaped line break too ("x = y\\n" in a source map or a notebook).
const VALUE_CHAR = String.raw`(?:[^\s"'\x60,;()[\]{}<>=\\]|\\(?![nrt]))`;

export const GENERIC_RULE: Rule = {
  kind: "generic-secret",
  // "key" and "token" are on most lines of code, so a line is scanned only where one of these
  // is followed by the rest of a name and an assignment (see `near`).
  keywords: ["pass", "pwd", "secret", "token", "key", "credential"],
  // Group 1: the name's keyword, 2: the rest of the name, 3: a quote, 4 or 5: the value.
  pattern: new RegExp(
    String.raw`${NAME_KEYWORD}([\w.-]{0,24}?)${ASSIGN}(?:(${QUOTE})([^"'\x60\r\n]{1,4096}?)\3|(${VALUE_CHAR}{1,4096}={0,3})(?!${VALUE_CHAR}))`,
    "gi",
  ),
  near: followedByAssignment,
  resolve: genericValue,
  // After a dropped `secret: DB_PASSWORD`, the name's own "PASSWORD=..." is tried too.
  retryAfter: 1,
  priority: PRIORITY.generic,
};

// In the matches of the generic rule (and of aws-secret-key, the first azure-key and
// auth-header), a keyword is followed by at most 30 name characters ("word" of "pass", then
// the 24 of the generic pattern's second group) and then ASSIGN, which starts with a quote,
// "?", a blank, "=" or ":". Most "token"s and "key"s in code fail this at once.
function followedByAssignment(text: string, _start: number, end: number): boolean {
  let i = end;
  const limit = Math.min(text.length, end + 31);
  while (i < limit && isNameChar(text.charCodeAt(i))) i++;
  let c = text.charCodeAt(i);
  if (c === 92) c = text.charCodeAt(++i); // \ of an escaped quote
  if (c === 34 || c === 39 || c === 96) c = text.charCodeAt(++i); // " ' `
  if (c === 63) c = text.charCodeAt(++i); // ?
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  return c === 61 || c === 58 || c === 63; // = : ?
}

function isNameChar(c: number): boolean {
  // [\w.-]
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

// An identifier made of words: userPassword, AccessToken, API_TOKEN, db_password2.
const IDENTIFIER = /^(?:[a-z]+(?:[A-Z][a-z]+)*|(?:[A-Z][a-z]+)+|[A-Z]+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/;
const IS_PASSWORD_NAME = new RegExp(`^(?:${PASSWORD_NAME})$`, "i");

export type SecretKind = "password" | "generic-secret";

/** What a name's keyword and the rest of the name say its value is; undefined: not a secret (token_url). */
function kindOfName(keyword: string, suffix: string): SecretKind | undefined {
  if (suffix !== "" && NOT_A_SECRET_WORDS.has(lastWord(suffix))) return undefined;
  return IS_PASSWORD_NAME.test(keyword) ? "password" : "generic-secret";
}

const SECRET_NAME_END = new RegExp(`${NAME_KEYWORD}([\\w.-]{0,24})$`, "i");

/**
 * The kind the generic rule reports for a value assigned to this whole name (db_password:
 * "password", api_token: "generic-secret"), or undefined (secret_name, token_ttl, hostname). For
 * rules that find a name and its value apart (a Terraform variable and its default).
 */
export function kindOfSecretName(name: string): SecretKind | undefined {
  const m = SECRET_NAME_END.exec(name);
  return m ? kindOfName(m[1] ?? "", m[2] ?? "") : undefined;
}

/** The value of a generic match, or undefined when it is not worth redacting. */
function genericValue(match: RegExpExecArray): { kind: string; group: number } | undefined {
  const keyword = match[1] ?? "";
  const kind = kindOfName(keyword, match[2] ?? "");
  if (kind === undefined) return undefined;
  const isPassword = kind === "password";
  const quoted = match[3] !== undefined;
  const value = quoted ? (match[4] ?? "") : (match[5] ?? "");
  const group = quoted ? 4 : 5;
  if (!quoted) {
    // Followed by "(" or "[": a call or an index (encodeURIComponent(pw), env["X"]). After a
    // bare colon: a URL's user info (https://x-access-token:...@host), not `name: value`.
    const after = match.input[match.indices?.[group]?.[1] ?? 0];
    const operator = match.input.slice(match.indices?.[2]?.[1] ?? 0, match.indices?.[group]?.[0] ?? 0);
    if (after === "(" || after === "[" || /^\\?["'`]?\??:$/.test(operator)) return undefined;
  }
  if (!acceptGenericValue(value, isPassword, quoted)) return undefined;
  // PWD is also the shell's working directory: PWD: '/home/jane' is a path, not a password.
  if (/^pwd$/i.test(keyword) && /^(?:[~/]|[A-Za-z]:[\\/])/.test(value)) return undefined;
  return { kind, group };
}

/** "_hash" → "hash", "Field" → "field", "izer" → "izer": the word a name ends with. */
function lastWord(suffix: string): string {
  const words = suffix.split(/[_.-]|(?<=[a-z0-9])(?=[A-Z])/).filter((w) => w !== "");
  return (words.at(-1) ?? "").toLowerCase();
}

// The choice (documented in rules.ts): a literal password is redacted whatever its entropy,
// once it is not a placeholder; other secrets must look random, since names like "token" or
// "key" carry ordinary values in code all the time.
export function acceptGenericValue(value: string, isPassword: boolean, quoted: boolean): boolean {
  if (/\s/.test(value) || isPlaceholder(value)) return false;
  // Words: "Passwort", "reset-password", "my-app-secret", "auth.token", "userPassword", "API_TOKEN".
  if (/^[a-z]+(?:[-_.][a-z]+)+$/i.test(value) || /^\p{Lu}?\p{Ll}+$/u.test(value) || IDENTIFIER.test(value)) return false;
  if (!quoted) {
    // Unquoted, it is code unless it looks like a literal.
    if (isExpression(value)) return false;
    if (/^\d+$/.test(value) || value.length < 8 || shannonEntropy(value) < (isPassword ? 2.5 : 3)) return false;
  }
  if (isPassword) return value.length >= 6 && !/^\d+$/.test(value);
  if (value.length < 12 || shannonEntropy(value) < 3) return false;
  // Generated: printable ASCII (not a translated message), not words joined by separators
  // ("__msw-cookie-store__"), and digits, mixed case or symbols.
  if (!/^[\x21-\x7e]+$/.test(value) || looksLikeWords(value)) return false;
  return /\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)) || /[^A-Za-z0-9]/.test(value);
}

/** A quoted value that a password name would make a password: for rules that find a password by other signs. */
export const literalPassword = (value: string): boolean => acceptGenericValue(value, true, true);

// An identifier, a member access or a negation, as the right-hand side of an assignment in code.
const EXPRESSION = /^(!{1,2})?([A-Za-z_$#][\w$]*)((?:[?!]?\.#?[A-Za-z_$][\w$]*)*)[?!]?$/;

/**
 * True for code rather than a literal: a member access (config.apiKey, credentials?.password,
 * this.#request.credentials), or an identifier of words, negated or of two words at least
 * (!questionToken, contextToken2, createO200KSpecialTokenMap). A lone word with digits
 * (sunshine99) stays a possible password.
 */
function isExpression(value: string): boolean {
  const m = EXPRESSION.exec(value);
  if (!m) return false;
  if (m[3]) return true;
  const name = m[2] ?? "";
  const shape = wordShape(name);
  return shape.coverage >= 0.75 && shape.longest >= 4 && (m[1] !== undefined || shape.words >= 2);
}
