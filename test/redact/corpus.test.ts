import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { credentialCorpus } from "../../fixtures/secrets/credentials.js";
import { lookAlikeCorpus } from "../../fixtures/secrets/lookalikes.js";
import { createRedactor } from "../../src/redact.js";
import { scoreCorpus } from "./evaluate.js";

describe("redaction corpus", () => {
  const redactor = createRedactor();

  it("holds at least 100 credentials of every issuer in the brief and 100 look-alikes", () => {
    const credentials = credentialCorpus();
    const issuers = new Set(credentials.map((c) => c.issuer));
    assert.ok(credentials.length >= 100, `${credentials.length} credentials`);
    assert.ok(lookAlikeCorpus().length >= 100);
    for (const issuer of ["github-classic", "github-oauth", "github-app", "github-refresh", "github-fine-grained", "gitlab-pat",
      "aws-access-key", "aws-secret-key", "google-api-key", "google-service-account", "azure-storage", "azure-sas", "slack-token",
      "slack-webhook", "stripe", "twilio", "twilio-auth-token", "sendgrid", "openai", "anthropic", "huggingface", "npm", "pypi",
      "dockerhub", "digitalocean", "shopify", "telegram", "discord", "discord-webhook", "vault", "mailgun", "databricks", "heroku", "heroku-uuid", "terraform-cloud", "jwt", "private-key", "private-key-fragment", "encoded-private-key", "encoded-login", "url-password", "password", "curl-password", "password-idiom", "powershell", "connection-string", "pgpass", "terraform", "terraform-secret", "generic-secret"]) {
      assert.ok(issuers.has(issuer), `no ${issuer} in the corpus`);
    }
  });

  // Three seeds: three different sets of made-up values in the same formats.
  for (const seed of [5, 6, 7]) {
    it(`catches every credential kind, names it, and raises at most 1% false alarms (seed ${seed})`, async () => {
      const score = await scoreCorpus((t) => redactor.scan(t), credentialCorpus(seed), lookAlikeCorpus(seed));
      console.log(
        `seed ${seed}: recall ${score.caught}/${score.credentials} = ${(100 * score.recall).toFixed(1)}%, ` +
          `false alarms ${score.falseAlarms}/${score.lookAlikes} = ${(100 * score.falseAlarmRate).toFixed(1)}%`,
      );
      assert.deepEqual(score.missedByIssuer, {});
      assert.deepEqual(score.wrongKind, []);
      assert.ok(score.falseAlarmRate <= 0.01, `false alarms: ${JSON.stringify(score.alarms)}`);
    });
  }

  it("leaves no credential, nor any 12-character piece of one, in redacted text", () => {
    for (const c of credentialCorpus()) {
      const { text } = redactor.redact(c.text);
      assert.ok(!text.includes(c.value), c.issuer);
      // Without the parts other values share: a prefix, PEM framing, and the BEGIN and END lines
      // of a PEM in base64 (a kubeconfig's certificate begins and ends like its encoded key).
      const core = c.value.startsWith("LS0tLS1CRUdJTi") ? c.value.slice(64, -64) : c.value.replace(/^[A-Za-z]+[_-]|-----[^-]+-----/g, "");
      for (let i = 0; i + 12 <= core.length; i += 12) assert.ok(!text.includes(core.slice(i, i + 12)), `${c.issuer}: a fragment survived`);
    }
  });

  it("catches every credential on a diff's added and removed lines, where harvests meet them", () => {
    for (const c of credentialCorpus(8)) {
      for (const sign of ["+", "-"]) {
        const hunk = c.text.split("\n").map((line) => sign + line).join("\n");
        assert.ok(!redactor.redact(hunk).text.includes(c.value), `${c.issuer} survived on a ${sign} line`);
      }
    }
  });

  it("reports credentials but not e-mail addresses when asked for credentials only", () => {
    const scanOnly = createRedactor({ emails: false });
    const text = "Signed-off-by: Jane <jane.doe@acme.io>\nGITHUB_TOKEN=" + credentialCorpus()[0]!.value;
    assert.deepEqual(scanOnly.scan(text).map((f) => f.kind), ["github-token"]);
    assert.deepEqual(redactor.scan(text).map((f) => f.kind), ["email", "github-token"]);
  });
});
