// Passwords in the files that tools read them from, each in its own layout where no
// `name = value` stands for the generic rule to see: a .netrc entry (`machine host login user
// password pw`, on one line or several), a .pgpass line (`host:port:database:user:password`),
// and a Terraform variable whose default is the secret (`variable "db_password" { default = "..." }`,
// over several lines).
//
// Only a literal counts, judged as a value assigned to a name that says password or secret is
// (see acceptGenericValue): variables, placeholders and words are not credentials.
import { isPlaceholder } from "./entropy.js";
import { NO_SPANS, PRIORITY, type Rule, type Span } from "./rule.js";
import { acceptGenericValue, kindOfSecretName, literalPassword, type SecretKind } from "./rules-context.js";

export const FILE_RULES: readonly Rule[] = [
  // https://everything.curl.dev/usingcurl/netrc: a .netrc entry. It spans lines, so a finder.
  { kind: "password", keywords: ["machine"], find: findNetrcPasswords, priority: PRIORITY.context },
  // https://www.postgresql.org/docs/current/libpq-pgpass.html: a line of ~/.pgpass, or of the
  // echo that writes one. Only with PostgreSQL's port (5432), PgBouncer's (6432) or "*": those
  // are the keywords, and five colon-separated fields around another number are as often a
  // timestamp or an address. The password is the last field (groups: 1 user, 2 password).
  {
    kind: "password",
    keywords: [":5432:", ":6432:", ":*:"],
    pattern: /(?<![^\s"'`+-])(?:[A-Za-z0-9._-]{1,253}|\*):(?:5432|6432|\*):[^\s:"'`]{1,63}:([^\s:"'`]{1,63}):([^\s:"'`]{1,256})(?![^\s"'`])/g,
    group: 2,
    // The user name again (postgres:postgres) is a default, and `$PGPASSWORD` a variable.
    accept: (value, match) => value !== match[1] && !value.startsWith("$") && literalPassword(value),
    priority: PRIORITY.context,
  },
  // https://developer.hashicorp.com/terraform/language/values/variables: a variable whose name
  // says password or secret and whose default is a literal, the value of every plan that sets no
  // other. One finder per kind, as the name decides it (db_password, api_token).
  { kind: "password", keywords: ['variable "'], find: terraformDefaults("password"), priority: PRIORITY.context },
  { kind: "generic-secret", keywords: ['variable "'], find: terraformDefaults("generic-secret"), priority: PRIORITY.context },
];

// machine <host> login <user> [account <a>] password <pw>. Between the tokens: blanks, or one
// line break (then a diff's sign, when the file is shown in a diff) and the next line's indent.
const SEP = String.raw`(?:[ \t]{1,40}|[ \t]{0,40}\r?\n[+ -]?[ \t]{0,40})`;
const NETRC = new RegExp(
  String.raw`\bmachine[ \t]+\S{1,253}${SEP}login[ \t]+\S{1,128}(?:${SEP}account[ \t]+\S{1,128})?${SEP}password[ \t]+(\S{1,256})`,
  "g",
);

function findNetrcPasswords(text: string): readonly Span[] {
  let found: Span[] | undefined;
  NETRC.lastIndex = 0;
  for (let m = NETRC.exec(text); m !== null; m = NETRC.exec(text)) {
    const value = m[1] ?? "";
    // A variable ($NETRC_PASSWORD, ${TOKEN}) or a placeholder; "%" or "(" may start a real one.
    if (/^[${<`]/.test(value) || isPlaceholder(value)) continue;
    const end = m.index + m[0].length;
    (found ??= []).push({ start: end - value.length, end });
  }
  return found ?? NO_SPANS;
}

const TF_VARIABLE = /\bvariable[ \t]+"([A-Za-z0-9_-]{1,64})"[ \t]*\{/g;
const TF_DEFAULT = /(?<![\w.-])default[ \t]*=[ \t]*"([^"\n]{1,256})"/;
// A block's lines are indented (terraform fmt's layout): it ends at the first line that is not,
// its "}" or, where a diff or a quote cut that off, the next block.
const BLOCK_END = /\n[+ -]?[^\s+-]/g;
const MAX_BLOCK = 4096;

function terraformDefaults(kind: SecretKind): (text: string) => readonly Span[] {
  return (text) => {
    let found: Span[] | undefined;
    TF_VARIABLE.lastIndex = 0;
    for (let m = TF_VARIABLE.exec(text); m !== null; m = TF_VARIABLE.exec(text)) {
      if (kindOfSecretName(m[1] ?? "") !== kind) continue;
      const body = m.index + m[0].length;
      const d = TF_DEFAULT.exec(text.slice(body, blockEnd(text, body)));
      const value = d?.[1];
      if (d === null || value === undefined || !acceptGenericValue(value, kind === "password", true)) continue;
      const start = body + d.index + d[0].length - 1 - value.length;
      (found ??= []).push({ start, end: start + value.length });
    }
    return found ?? NO_SPANS;
  };
}

/** Where the block whose body starts at `from` ends: its line's last "}" (a block on one line), or the next line that is not indented. */
function blockEnd(text: string, from: number): number {
  const lineEnd = text.indexOf("\n", from);
  const close = text.lastIndexOf("}", lineEnd === -1 ? text.length : lineEnd);
  if (close >= from) return close;
  BLOCK_END.lastIndex = from;
  const end = BLOCK_END.exec(text)?.index ?? text.length;
  return Math.min(end, from + MAX_BLOCK);
}
