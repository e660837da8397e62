// Passwords in the idioms of a language, where no `name = value` stands for the generic rule to
// see: PHP's `define('DB_PASSWORD', '...')` (wp-config.php), a Java bean's `setPassword("...")`
// (JDBC data sources, mail sessions), Python's `auth=("user", "pw")` tuple (requests, httpx) and
// `HTTPBasicAuth("user", "pw")`, PowerShell's `ConvertTo-SecureString "pw" -AsPlainText` and
// `PSCredential("user", "pw")`. Credential files (.netrc, .pgpass, Terraform) are in rules-files.ts.
//
// Only a literal counts, judged as a password assigned to a password name is (see
// acceptGenericValue): variables, placeholders (`password_here`, `********`, `<password>`),
// words and identifiers are not credentials.
import { PRIORITY, type Rule } from "./rule.js";
import { literalPassword } from "./rules-context.js";

function idiom(keywords: string[], pattern: RegExp, group: number, accept: Rule["accept"], near?: Rule["near"]): Rule {
  return { kind: "password", keywords, pattern, group, accept, near, priority: PRIORITY.context };
}

// "define", "password" and "auth" are on many lines of code (AMD's define([...]), "author" in
// every package.json): a line is scanned only where the keyword is followed by the call's "("
// or the "=" of `auth=(...)`.
function followedBy(chars: string): Rule["near"] {
  return (text, _start, end) => {
    let i = end;
    while (text[i] === " " || text[i] === "\t") i++;
    return chars.includes(text[i] ?? "");
  };
}

export const IDIOM_RULES: readonly Rule[] = [
  // https://developer.wordpress.org/apis/wp-config-php/#database-name: a constant whose name
  // says password; group 3 is the value.
  idiom(
    ["define"],
    /\bdefine[ \t]*\([ \t]*(["'])\w{0,40}?(?:PASSWORD|PASSWD|PASS|PWD)\w{0,20}\1[ \t]*,[ \t]*(["'])([^"'\n]{1,256})\2[ \t]*\)/gi,
    3,
    literalPassword,
    followedBy("("),
  ),
  // A setter whose name says password: setPassword("..."), ds.setDbPassword('...').
  idiom(
    ["password", "passwd"],
    /\bset\w{0,30}?Pass(?:word|wd)[ \t]*\([ \t]*(["'])([^"'\n]{1,256})\1[ \t]*\)/g,
    2,
    literalPassword,
    followedBy("("),
  ),
  // https://requests.readthedocs.io/en/latest/user/authentication/: auth=("user", "pass"),
  // HTTPBasicAuth("user", "pass"), aiohttp's BasicAuth(...). Group 2 is the user, 4 the password.
  {
    kind: "password",
    keywords: ["auth"],
    pattern: /(?:\bauth[ \t]*=[ \t]*\(|\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|DigestAuth)[ \t]*\()[ \t]*(["'])([^"'\n]{1,128})\1[ \t]*,[ \t]*(["'])([^"'\n]{1,256})\3[ \t]*\)/g,
    group: 4,
    accept: (value, match) => value !== match[2] && literalPassword(value),
    near: followedBy("=("),
    priority: PRIORITY.context,
  },
  // https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring:
  // -AsPlainText makes a SecureString of a literal, given positionally, after -String, or piped in
  // (`"pw" | ConvertTo-SecureString -AsPlainText -Force`); the switches come in any order, and a
  // string without -AsPlainText is an encrypted one. Groups 2 (piped) and 4 are the value.
  {
    kind: "password",
    keywords: ["convertto-securestring"],
    pattern:
      /(?:(["'])([^"'\n]{1,256})\1[ \t]*\|[ \t]*)?\bConvertTo-SecureString(?=[^\n]{0,300}?[ \t]-AsPlainText\b)(?:[ \t]+-(?:AsPlainText|Force)(?::\$true)?\b){0,2}(?:[ \t]+(?:-String(?::|[ \t]+))?(["'])([^"'\n]{1,256})\3)?/gi,
    resolve: (match) => {
      const group = match[4] !== undefined ? 4 : 2;
      return isPowerShellLiteral(match[group - 1], match[group]) ? { kind: "password", group } : undefined;
    },
    priority: PRIORITY.context,
  },
  // https://learn.microsoft.com/dotnet/api/system.management.automation.pscredential.-ctor: a
  // PSCredential of a user name and a literal (New-Object ... PSCredential("user", "pw"), with
  // -ArgumentList, or [PSCredential]::new(...)). Group 4 is the password.
  idiom(
    ["pscredential"],
    /\bPSCredential\b(?:\]::new)?[ \t]*(?:-ArgumentList[ \t]+)?@?\(?[ \t]*(["'])([^"'\n]{0,128})\1[ \t]*,[ \t]*(["'])([^"'\n]{1,256})\3/gi,
    4,
    (value, match) => value !== match[2] && isPowerShellLiteral(match[3], value),
  ),
];

// A literal password in PowerShell: in double quotes, $name, ${name}, $(...) and $env:NAME are
// expanded, so such a value is some variable's, kept elsewhere.
function isPowerShellLiteral(quote: string | undefined, value: string | undefined): boolean {
  if (value === undefined || (quote === '"' && /\$[\w{(:]/.test(value))) return false;
  return literalPassword(value);
}
