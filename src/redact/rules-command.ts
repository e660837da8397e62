// Credentials on a command line: the password of `curl -u user:password` (also `--user`, `-u`
// glued to its value or to other short options, `-su`), of wget given the same, of HTTPie's
// `http -a user:password` (`--auth`), of the MySQL clients' `-pPASSWORD` and of `sshpass -p`. READMEs, CI scripts and shell history are full of these,
// and no other rule sees them: there is no URL, no assignment, no issuer prefix.
//
// Only the password is redacted (the user name stays, as in URL passwords), and only a literal:
// `$PASS`, `${TOKEN}`, `%PASS%`, `$(pass show x)`, `<password>`, `****`, `...`, `password`,
// `pass` stand for a value kept elsewhere, and `admin:admin` is a product's documented default.
// The flag counts only on the line of a curl, wget or http command and before any `|`, `;` or
// `&` that ends it: `git push -u origin main`, `sort -u`, `useradd -u 1000` are no logins.
import { isPlaceholder } from "./entropy.js";
import { PRIORITY, type Rule } from "./rule.js";

// user:password, double-quoted, single-quoted or bare (not a URL: `-u https://...` lacks its
// user); groups 1-2, 3-4, 5-6: user and password.
const USER_PASSWORD = String.raw`(?:"([^"\n:]{0,128}):([^"\n]{1,256})"|'([^'\n:]{0,128}):([^'\n]{1,256})'|([^\s"'\x60:;|&]{0,128}):(?!\/\/)([^\s"'\x60;|&]{1,256}))`;
// Anything of the same command before the flag: other options, the URL.
const SAME_COMMAND = String.raw`(?:[ \t][^\n|;&]{0,400}?)?[ \t]`;

// The command is a word of its own (not my-curl, ./curl.sh, lib/curl); a "-" before it only as
// a diff's sign.
const NOT_IN_A_WORD = String.raw`(?<![\w./])(?<![^\n]-)`;

// A password right after a flag: double-quoted, single-quoted or bare; groups 1, 2, 3.
const FLAG_VALUE = String.raw`(?:"([^"\n]{1,256})"|'([^'\n]{1,256})'|([^\s"'\x60;|&]{1,256}))`;

function commandRule(keywords: string[], command: string, flag: string, near?: Rule["near"]): Rule {
  return {
    kind: "password",
    keywords,
    pattern: new RegExp(String.raw`${NOT_IN_A_WORD}${command}${SAME_COMMAND}${flag}${USER_PASSWORD}`, "g"),
    near,
    resolve: commandPassword,
    priority: PRIORITY.context,
  };
}

export const COMMAND_RULES: readonly Rule[] = [
  // https://curl.se/docs/manpage.html#-u: -u, --user <user:password>; short options may be
  // combined (-su), and a short option's value may follow it without a blank (-uuser:pw).
  commandRule(["curl", "wget"], String.raw`(?:curl|wget)(?:\.exe)?`, String.raw`(?:-[A-Za-z]{0,5}u[ \t]*|--user(?:[ \t]+|=))`, (text, _start, end) =>
    isBlank(text.charCodeAt(end)) || text.startsWith(".exe", end),
  ),
  // https://httpie.io/docs/cli/basic-auth: http(s) -a, --auth <user:password>. Its keywords are
  // the flag's, not "http", which is on every line with a URL.
  commandRule([" -a", "\t-a", "--auth"], "https?", String.raw`(?:-a[ \t]*|--auth(?:[ \t]+|=))`),
  // https://dev.mysql.com/doc/refman/8.0/en/connection-options.html#option_general_password:
  // -pPASSWORD or --password=PASSWORD, glued: `-p secret` prompts, and "secret" is the database.
  flagRule(["mysql", "mariadb"], String.raw`(?:mysql(?:dump|admin|import|show|check|slap|pump)?|mariadb(?:-dump|-admin)?)`, String.raw`(?:-p|--password=)`, commandWord),
  // https://linux.die.net/man/1/sshpass: -p password (blank or not); -f and -e read it from elsewhere.
  flagRule(["sshpass"], "sshpass", String.raw`-p[ \t]*`, commandWord),
];

function flagRule(keywords: string[], command: string, flag: string, near: Rule["near"]): Rule {
  return {
    kind: "password",
    keywords,
    near,
    pattern: new RegExp(String.raw`${NOT_IN_A_WORD}${command}(?:\.exe)?${SAME_COMMAND}${flag}${FLAG_VALUE}`, "g"),
    resolve: flagPassword,
    priority: PRIORITY.context,
  };
}

function flagPassword(match: RegExpExecArray): { kind: string; group: number } | undefined {
  const group = match[1] !== undefined ? 1 : match[2] !== undefined ? 2 : 3;
  return isStandIn(match[group] ?? "") ? undefined : { kind: "password", group };
}

// The keyword ends a command's name (mysql, mysqldump, mariadb-dump, sshpass.exe) that a blank
// follows: not mysql.createConnection(...) or require("mysql2"), which code is full of.
function commandWord(text: string, _start: number, end: number): boolean {
  let i = end;
  while (i < end + 8 && /[a-z-]/.test(text[i] ?? "")) i++;
  if (text.startsWith(".exe", i)) i += 4;
  return isBlank(text.charCodeAt(i));
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

// Names people write where the password goes.
const STAND_INS = /^(?:pass|pw|pwd|passwd|password|passphrase|secret|token|apikey|api[_-]?key|key|user|username)$/i;

// "mypassword", "db_pass", "new-password": a name for the password, not one.
const MY_PASSWORD = /^(?:my|your|the|db|new|old|root|user)[_-]?(?:pass(?:word)?|passwd|pw|pwd)$/i;

function commandPassword(match: RegExpExecArray): { kind: string; group: number } | undefined {
  const group = match[2] !== undefined ? 2 : match[4] !== undefined ? 4 : 6;
  const user = match[group - 1] ?? "";
  const password = match[group] ?? "";
  if (isStandIn(password) || password === user) return undefined;
  return { kind: "password", group };
}

// A variable or command substitution ($PASS, ${TOKEN}, $(...), {password}, <password>), a
// placeholder (%PASS%, ****, ...) or a name written where the password goes. A leading "%" alone
// says nothing: generated passwords start with one as often as with any other symbol.
function isStandIn(password: string): boolean {
  return /^[${<[(`]/.test(password) || isPlaceholder(password) || STAND_INS.test(password) || MY_PASSWORD.test(password);
}
