import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRedactor, isCredentialKind, redactionMarker, summarizeFindings, BUILTIN_KINDS } from "../../src/redact.js";
import { ALPHABET, createRandom, pemBody } from "../../fixtures/secrets/random.js";

// Made-up values, built from parts so that this file holds nothing a scanner would flag.
const r = createRandom(42);
const ghToken = ["gh", "p_"].join("") + r.chars(ALPHABET.base62, 36);
const awsKey = ["AK", "IA"].join("") + r.chars(ALPHABET.base32, 16);
const npmToken = ["np", "m_"].join("") + r.chars(ALPHABET.base62, 36);

describe("redactor", () => {
  const redactor = createRedactor();

  it("replaces each credential by a marker naming its kind, and reports where it was", () => {
    const text = `token: ${ghToken}\naws: ${awsKey}\n`;
    const { text: out, findings } = redactor.redact(text);
    assert.equal(out, "token: <REDACTED:github-token>\naws: <REDACTED:aws-access-key>\n");
    assert.deepEqual(findings, [
      { kind: "github-token", start: 7, end: 7 + ghToken.length },
      { kind: "aws-access-key", start: text.indexOf(awsKey), end: text.indexOf(awsKey) + awsKey.length },
    ]);
  });

  it("is idempotent: redacting redacted text changes nothing and finds nothing", () => {
    const once = redactor.redact(`password = "${r.chars(ALPHABET.base62, 14)}"\nmail: jane@acme.io\n${npmToken}`).text;
    assert.match(once, /<REDACTED:password>/);
    const twice = redactor.redact(once);
    assert.equal(twice.text, once);
    assert.deepEqual(twice.findings, []);
  });

  it("never matches its own marker, for any built-in kind, in any context", () => {
    for (const kind of BUILTIN_KINDS) {
      const m = redactionMarker(kind);
      for (const text of [m, `password = "${m}"`, `token: ${m}`, `https://user:${m}@host.io/x`, `Authorization: Bearer ${m}`, `${m}@acme.io`]) {
        assert.deepEqual(redactor.scan(text), [], text);
      }
    }
  });

  it("merges overlapping findings into one, named by the more specific rule", () => {
    const text = `git clone https://x-access-token:${ghToken}@github.com/acme/widgets.git`;
    const findings = redactor.scan(text);
    assert.deepEqual(findings, [{ kind: "github-token", start: text.indexOf(ghToken), end: text.indexOf(ghToken) + ghToken.length }]);
    const custom = createRedactor({ extraPatterns: [/token:[A-Za-z0-9_]+/g] });
    const both = custom.scan(text);
    assert.equal(both.length, 1);
    assert.equal(both[0]?.kind, "github-token");
    assert.equal(both[0]?.start, text.indexOf("token:"));
  });

  it("returns findings in order and without overlaps", () => {
    const text = `a ${ghToken} b jane@acme.io c ${awsKey} d password: "${r.chars(ALPHABET.base62, 12)}"`;
    const findings = redactor.scan(text);
    assert.equal(findings.length, 4);
    for (let i = 1; i < findings.length; i++) assert.ok(findings[i - 1]!.end <= findings[i]!.start);
  });

  it("keeps values out of findings and summaries: only kinds and offsets", () => {
    const text = `GH=${ghToken} NPM=${npmToken} other=${ghToken.replace("p_", "o_")}`;
    const findings = redactor.scan(text);
    assert.deepEqual(summarizeFindings(findings), { "github-token": 2, "npm-token": 1 });
    const serialized = JSON.stringify([findings, summarizeFindings(findings)]);
    assert.ok(!serialized.includes(ghToken.slice(4)) && !serialized.includes(npmToken.slice(4)));
  });

  it("tells credentials from personal data and user patterns", () => {
    assert.equal(isCredentialKind("github-token"), true);
    assert.equal(isCredentialKind("password"), true);
    assert.equal(isCredentialKind("email"), false);
    assert.equal(isCredentialKind("custom"), false);
  });

  it("redacts a private key cut off by a diff hunk, and not a lone header in code", () => {
    const body = Array.from({ length: 6 }, () => `+${r.chars(ALPHABET.base64, 64)}`).join("\n");
    const header = `-----${"BEGIN"} RSA ${"PRIVATE"} KEY-----`;
    const text = `@@ -0,0 +1,27 @@\n+${header}\n${body}\n`;
    const { text: out, findings } = redactor.redact(text);
    assert.deepEqual(findings.map((f) => f.kind), ["private-key"]);
    // One marker a line: the hunk still has the lines its header counts.
    assert.equal(out, `@@ -0,0 +1,27 @@\n${"+<REDACTED:private-key>\n".repeat(7)}`);
    assert.deepEqual(redactor.scan(`if (line === "${header}") start = i;`), []);
  });

  it("redacts a key's lines that a hunk shows without BEGIN: above its END, and inside key.pem with the header's text", () => {
    const body = pemBody(r, 1588);
    const end = `-----END RSA ${"PRIVATE"} KEY-----`;
    // The tail of a key inlined in YAML, above the changed line: every line keeps its sign.
    const tail = `@@ -28,5 +28,5 @@ tls:\n     ${body.at(-2)}\n     ${body.at(-1)}\n     ${end}\n-  port: 443\n+  port: 8443\n   host: acme.io\n`;
    assert.equal(
      redactor.redact(tail).text,
      `@@ -28,5 +28,5 @@ tls:\n     <REDACTED:private-key>\n <REDACTED:private-key>\n <REDACTED:private-key>\n-  port: 443\n+  port: 8443\n   host: acme.io\n`,
    );
    // A one-line change in the middle of key.pem: seven key lines, one more as the header's text.
    const mid = `@@ -8,7 +8,7 @@ ${body[5]}\n ${body.slice(6, 9).join("\n ")}\n-${body[9]}\n+${r.chars(ALPHABET.base64, 64)}\n ${body.slice(10, 13).join("\n ")}\n`;
    const { text, findings } = redactor.redact(mid);
    assert.deepEqual(findings.map((f) => f.kind), ["private-key"]);
    assert.equal(text, `@@ -8,7 +8,7 @@ <REDACTED:private-key>\n${[" ", " ", " ", "-", "+", " ", " ", " "].map((s) => `${s}<REDACTED:private-key>\n`).join("")}`);
    // The header's text alone: a hunk just below a key, in a file that goes on.
    const below = `@@ -30,4 +30,4 @@ ${body[20]}\n end\n-x = 1\n+x = 2\n y\n`;
    assert.equal(redactor.redact(below).text, below.replace(body[20]!, "<REDACTED:private-key>"));
  });

  it("leaves public PEM bodies beside their BEGIN or END, and fewer than three full lines with neither", () => {
    const cert = pemBody(r, 1200);
    assert.deepEqual(redactor.scan(` ${cert.slice(-6).join("\n ")}\n -----END CERTIFICATE-----\n`), []);
    assert.deepEqual(redactor.scan(`+-----BEGIN PUBLIC KEY-----\n+${cert.slice(0, 5).join("\n+")}\n`), []);
    assert.deepEqual(redactor.scan(`${cert.slice(0, 2).join("\n")}\n${cert.at(-1)}\n`), []);
    // The same lines with no framing at all are taken for a key's: a body cannot be told from another.
    assert.deepEqual(redactor.scan(`${cert.slice(0, 3).join("\n")}\n`).map((f) => f.kind), ["private-key"]);
  });

  it("redacts the password of curl -u, --user, -uuser:pw and HTTPie's -a, and nothing else of the line", () => {
    const pw = r.chars(ALPHABET.base62, 16);
    for (const [line, user] of [
      [`curl -u admin:${pw} https://acme.io`, "admin"],
      [`curl -sS --user "deploy:${pw}" https://acme.io`, "deploy"],
      [`curl --user=ci:${pw} https://acme.io`, "ci"],
      [`curl -uci:${pw} https://acme.io`, "ci"],
      [`-    curl -u 'ops:${pw}' https://acme.io`, "ops"],
      [`http -a ops:${pw} POST acme.io/items`, "ops"],
    ] as const) {
      assert.equal(redactor.redact(line).text, line.replace(pw, "<REDACTED:password>"), line);
      assert.ok(redactor.redact(line).text.includes(user));
    }
    for (const line of ["git push -u origin main", "sort -u a.txt", "useradd -u 1000 deploy", "curl -u $USER:$PASS https://acme.io",
      'curl -u "${USER}:${TOKEN}" https://acme.io', "curl -u %USER%:%PASS% https://acme.io", "curl -u admin:<password> https://acme.io",
      "curl -u user:**** https://acme.io", "curl -u user:password https://acme.io", "curl -uuser:pass https://acme.io",
      "curl -u user:... https://acme.io", `curl https://acme.io | mycmd -u x:${pw}`, `mycurl -u x:${pw}`]) {
      assert.deepEqual(redactor.scan(line), [], line);
    }
  });

  it("finds an AWS secret written in prose next to its key id, not a sha on that line", () => {
    const id = `AKIA${r.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`;
    const secret = r.chars(ALPHABET.base62, 40);
    const out = redactor.redact(`I tested with key ${id} and secret ${secret} on staging.`);
    assert.deepEqual(out.findings.map((f) => f.kind), ["aws-access-key", "aws-secret-key"]);
    assert.ok(!out.text.includes(secret));
    assert.deepEqual(redactor.scan(`key ${id}, commit ${r.chars("0123456789abcdef", 40)}`).map((f) => f.kind), ["aws-access-key"]);
  });

  it("redacts only the password of a URL, keeping user and host", () => {
    const pw = r.chars(ALPHABET.base62, 16);
    assert.equal(redactor.redact(`postgres://app:${pw}@db.internal:5432/app`).text, "postgres://app:<REDACTED:url-password>@db.internal:5432/app");
    // A password that is the user name again is a product's default, as in every tutorial.
    assert.deepEqual(redactor.scan("DATABASE_URL=postgres://postgres:postgres@localhost:5432/app amqp://guest:guest@localhost:5672/"), []);
    assert.equal(redactor.scan(`amqp://guest:${pw}@localhost:5672/`).length, 1);
  });

  it("reads a JDBC URL's ;name=value properties as properties, whose password may hold an @", () => {
    const pw = `${r.chars(ALPHABET.base62, 6)}@${r.chars(ALPHABET.base62, 9)}`;
    const text = `jdbc:sqlserver://sql.acme.io:1433;databaseName=orders;user=svc;password=${pw};encrypt=true`;
    assert.equal(redactor.redact(text).text, "jdbc:sqlserver://sql.acme.io:1433;databaseName=orders;user=svc;password=<REDACTED:password>;encrypt=true");
  });

  // Inputs that make a careless regex backtrack for minutes; each here takes well under a second.
  it("scans adversarial inputs in linear time", () => {
    const inputs = [
      "a".repeat(500_000),
      "password=".repeat(60_000),
      `-----${"BEGIN"} ${"PRIVATE"} KEY-----\n`.repeat(20_000),
      "@".repeat(500_000) + "a".repeat(500_000),
      "x@".repeat(250_000),
      "://a:".repeat(100_000),
      "eyJ" + "A".repeat(500_000),
      `token = "${"A1".repeat(200_000)}`,
      "sig=" + "%2B".repeat(150_000),
      'password="'.repeat(60_000),
      "token: ".repeat(70_000),
      "Authorization: Bearer " + "a".repeat(300_000),
      // Every position a keyword, every line a candidate for the generic rule, every "K" a Twilio SID's start.
      "key".repeat(300_000),
      "token = x\n".repeat(100_000),
      "secret_access_key: \n".repeat(50_000),
      "SKa".repeat(300_000),
      "a://x@".repeat(150_000),
      // PEM body lines: one long run, runs beside END lines, hunk headers whose text is one.
      `${r.chars(ALPHABET.base64, 64)}\n`.repeat(20_000),
      `${r.chars(ALPHABET.base64, 64)}\n-----END RSA ${"PRIVATE"} KEY-----\n`.repeat(10_000),
      `@@ -1 +1 @@ ${r.chars(ALPHABET.base64, 64)}\n`.repeat(20_000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      redactor.scan(text);
      const ms = performance.now() - started;
      assert.ok(ms < 3000, `${JSON.stringify(text.slice(0, 20))}: ${ms.toFixed(0)} ms`);
    }
  });
});
