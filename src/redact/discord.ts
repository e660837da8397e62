// Discord bot tokens: three base64url parts joined by dots, <user id>.<timestamp>.<HMAC>
// (https://discord.com/developers/docs/reference#authentication). The first part is the bot's
// user id, a snowflake of 17 to 20 digits, in base64 (23 to 27 characters); the second is 6
// characters, the third 27 (older tokens) to 38. No part holds fixed text for the keyword
// prefilter, so a finder; the id that decodes to digits is what tells a token from other dotted
// base64 (a JWT's parts decode to JSON, a member chain or a host name to nothing).
//
// Speed: every text is scanned, and almost none holds a token. The finder starts from the
// token's first dot, found by indexOf, and looks 7 further on for the second. A token's id is 23
// characters or more without a dot, so after a dot that starts none the next first dot is 24 on
// at least: the search goes on from there, past the dots of a member chain. Reading one
// character in 29 instead (a token is a run of 58 or more characters of [A-Za-z0-9_.-], so two
// reads in a row fall in it) cost five times as much: in code, most reads land in a word, and
// each such test is a branch the CPU cannot predict.
import { looksRandom } from "./entropy.js";
import { NO_SPANS, type Span } from "./rule.js";

const DOT = 46;
/** The shortest id part: base64 of 17 digits. */
const MIN_ID = 23;
const MIN_LENGTH = MIN_ID + 1 + 6 + 1 + 27;
const SNOWFLAKE = /^[1-9]\d{16,19}$/;

export function findDiscordTokens(text: string): readonly Span[] {
  // Most strings of a dataset's records (ids, names) are shorter than a token.
  if (text.length < MIN_LENGTH) return NO_SPANS;
  let found: Span[] | undefined;
  for (let i = text.indexOf("."); i !== -1; i = text.indexOf(".", i + MIN_ID + 1)) {
    const span = text.charCodeAt(i + 7) === DOT ? tokenAt(text, i) : undefined;
    if (span) {
      (found ??= []).push(span);
      i = span.end - MIN_ID - 1; // on past the token
    }
  }
  return found ?? NO_SPANS;
}

/** The token whose first dot is text[dot] and second text[dot + 7], if the parts around them make one. */
function tokenAt(text: string, dot: number): Span | undefined {
  for (let k = dot + 1; k < dot + 7; k++) if (!isPartChar(text.charCodeAt(k))) return undefined;
  let start = dot;
  while (start > 0 && dot - start <= 27 && isPartChar(text.charCodeAt(start - 1))) start--;
  if (dot - start < MIN_ID || dot - start > 27 || !isIdStart(text.charCodeAt(start))) return undefined;
  let end = dot + 8;
  while (end < text.length && end - dot - 8 <= 38 && isPartChar(text.charCodeAt(end))) end++;
  const hmac = text.slice(dot + 8, end);
  if (hmac.length < 27 || hmac.length > 38) return undefined;
  const id = Buffer.from(text.slice(start, dot), "base64url").toString("latin1");
  return SNOWFLAKE.test(id) && looksRandom(hmac) ? { start, end } : undefined;
}

// M, N or O: base64 of a digit's byte (0x30-0x39) starts with one of them.
function isIdStart(c: number): boolean {
  return c === 77 || c === 78 || c === 79;
}

// [A-Za-z0-9_-]
function isPartChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}
