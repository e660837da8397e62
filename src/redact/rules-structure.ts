// Credentials recognised by their structure rather than a prefix: private key blocks (PEM,
// OpenSSH, PGP; also inside JSON such as a Google service-account file, where the newlines
// are "\n" escapes) and passwords in URLs. Hand-written finders: both would need regexes
// that scan far ahead from every candidate, and these find their anchor with indexOf.
import { isPlaceholder } from "./entropy.js";
import { findKeyBodies, findKeyTails } from "./pem-body.js";
import { NO_SPANS, PRIORITY, type Rule, type Span } from "./rule.js";

const KEY_HEADER = /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
// A key spans a few KB at most (RSA 8192 is about 6.5 KB of base64); a BEGIN without an END
// this close is a truncated key (a diff hunk, a quoted fragment) and ends with its base64 lines.
const MAX_KEY_LENGTH = 16_384;
// Lines a truncated block is made of: base64, PEM/PGP headers; newlines raw or JSON-escaped,
// with a diff's "+" or " " in front.
const KEY_BODY_LINES = /(?:(?:\r?\n|(?:\\r)?\\n)[+ ]?(?:[A-Za-z0-9+/=]{8,100}|(?:Proc-Type|DEK-Info|Comment|Version|Hash):[^\r\n\\]{0,120})?){0,500}/y;

function findPrivateKeys(text: string): readonly Span[] {
  let found: Span[] | undefined;
  KEY_HEADER.lastIndex = 0;
  let endMarker = -2; // not looked for yet; -1: there is none after this point
  for (let m = KEY_HEADER.exec(text); m !== null; m = KEY_HEADER.exec(text)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    if (endMarker !== -1 && endMarker < bodyStart) endMarker = text.indexOf("-----END", bodyStart);
    let end = -1;
    if (endMarker !== -1 && endMarker - bodyStart <= MAX_KEY_LENGTH && isKeyBody(text.slice(bodyStart, endMarker))) {
      const close = text.indexOf("-----", endMarker + 8);
      end = close !== -1 && close - endMarker < 80 ? close + 5 : endMarker + 8;
    } else {
      // No END close by, or code between a header and an END: take the base64 lines that follow.
      KEY_BODY_LINES.lastIndex = bodyStart;
      end = bodyStart + (KEY_BODY_LINES.exec(text)?.[0].length ?? 0);
      while (end > bodyStart && /[\s+]/.test(text[end - 1] ?? "")) end--; // the next line's newline and diff sign
    }
    // A header alone is code that parses keys (`if line == "-----BEGIN RSA PRIVATE KEY-----"`).
    if (countBase64(text, bodyStart, end) < 64) continue;
    (found ??= []).push({ start, end });
    KEY_HEADER.lastIndex = end;
  }
  return found ?? NO_SPANS;
}

// Between BEGIN and END: base64 lines, PEM/PGP headers, newlines (raw or "\n" in JSON), a
// diff's line signs, a PGP checksum ("=AbCd"), the quotes and "+" of a key pasted into code as
// concatenated string literals. Anything else (code) means this is no key.
const KEY_LINE = /^[\s+"'`-]*(?:[A-Za-z0-9+/=]*|(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset):.*)[\s+,;\\"'`]*$/;

function isKeyBody(body: string): boolean {
  return body.split(/\r?\n|(?:\\r)?\\n/).every((line) => KEY_LINE.test(line));
}

function countBase64(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) n++;
  }
  return n;
}

// scheme://user:password@host — the password, and only it (the user name and host stay).
// The authority: what follows "://" up to the path, a quote, a blank..., at most 512 characters.
const AUTHORITY = /[^\s/?#"'`<>()[\]{}\\]{0,512}/y;
const MAX_AUTHORITY = 512;

function findUrlPasswords(text: string): readonly Span[] {
  let found: Span[] | undefined;
  // Most "://" have no "@" within reach: the next "@" (found once, then reused) says so.
  let nextAt = text.indexOf("@");
  for (let i = text.indexOf("://"); i !== -1 && nextAt !== -1; i = text.indexOf("://", i + 3)) {
    const from = i + 3;
    if (nextAt < from) nextAt = text.indexOf("@", from);
    if (nextAt === -1 || nextAt - from >= MAX_AUTHORITY) continue;
    let s = i;
    while (s > 0 && i - s < 32 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    // A scheme starts with a letter: "+amqp://" on a diff's added line is the scheme amqp.
    while (s < i && !isLetter(text.charCodeAt(s))) s++;
    if (s === i) continue;
    AUTHORITY.lastIndex = from;
    const end = from + (AUTHORITY.exec(text)?.[0].length ?? 0);
    if (nextAt >= end) continue;
    const at = text.lastIndexOf("@", end - 1);
    const colon = text.indexOf(":", from);
    if (colon === -1 || colon >= at) continue;
    const password = text.slice(colon + 1, at);
    // A port and ;name=value properties (jdbc:sqlserver://host:1433;user=u;password=p@ss): the
    // "@" is the password's, which the generic rule finds after its name.
    if (password === "" || !isUrlPassword(password) || JDBC_PROPERTIES.test(password)) continue;
    // The user name again (postgres:postgres@, guest:guest@): a product's documented default,
    // written in every docker-compose file and tutorial, not anyone's secret.
    if (password === text.slice(from, colon)) continue;
    (found ??= []).push({ start: colon + 1, end: at });
  }
  return found ?? NO_SPANS;
}

const JDBC_PROPERTIES = /^\d{1,5};[A-Za-z]\w*=/;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// [A-Za-z0-9+.-]
function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

function isUrlPassword(value: string): boolean {
  if (isPlaceholder(value)) return false;
  // $PASSWORD, ${PASSWORD}, %s, {password}, :password (a route parameter)
  if (/^[$%:{]/.test(value) || /^(?:pass|pw|pwd|passwd|password|user|username|secret|token|x-oauth-basic)$/i.test(value)) return false;
  return true;
}

export const STRUCTURE_RULES: readonly Rule[] = [
  { kind: "private-key", keywords: ["private key"], find: findPrivateKeys, priority: PRIORITY.structure },
  // A key's lines without its BEGIN line (a hunk inside a key): see pem-body.ts.
  { kind: "private-key", keywords: ["private key"], find: findKeyTails, priority: PRIORITY.structure },
  // No keyword: a body line has none; the finder reads one character in 128, and each hunk
  // header ("@@ -" would be a keyword hit in every diff, and cost more than its indexOf).
  { kind: "private-key", keywords: [], find: findKeyBodies, priority: PRIORITY.structure },
  // No keyword: "://" is on most pages, and the finder starts from indexOf("://") anyway.
  { kind: "url-password", keywords: [], find: findUrlPasswords, priority: PRIORITY.context },
];
