import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ALPHABET, createRandom } from "../../fixtures/secrets/random.js";
import { createRedactor } from "../../src/redact.js";
import { kindOfSecretName } from "../../src/redact/rules-context.js";
import { looksLikeWords } from "../../src/redact/words.js";

describe("generic secrets and passwords", () => {
  const redactor = createRedactor({ emails: false });
  const kinds = (text: string) => redactor.scan(text).map((f) => f.kind);

  // Each of these was a false finding in node_modules (TypeScript, gpt-tokenizer, msw, @types/node).
  it("leaves identifiers and expressions on the right of an assignment alone", () => {
    for (const text of [
      "    const exclamationToken = !questionToken && !scanner2.hasPrecedingLineBreak() ? parseOptionalToken(54) : void 0;",
      "      const { contextToken: contextToken2, previousToken: previousToken2 } = getRelevantTokens(position, sourceFile);",
      "        previousToken: previousToken2,",
      "exports.createO200KSpecialTokenMap = createO200KSpecialTokenMap;",
      "      withCredentials: this.#request.credentials === 'include',",
      "    const keywordToken = hasDescription\n      ? this._lexer.lookahead() : this._lexer.token;",
      "export PASSWORD=!rememberedPassword",
    ]) assert.deepEqual(kinds(text), [], text);
  });

  it("leaves code inside JSON strings (source maps, notebooks) alone: a value ends at an escaped line break", () => {
    for (const text of [
      String.raw`"sourcesContent":["interface RequestAuth {\n  username: string\n  password: string\n}\n    url.password = password\n  }\n"]`,
      String.raw`"    this.specialTokensDecoder = specialTokensEncoder\n      ? new Map()"`,
      String.raw`"  //   date-token      = 1*non-delimiter\n  //   delimiter       = %x09"`,
    ]) assert.deepEqual(kinds(text), [], text);
  });

  it("leaves names made of words, translated messages and the working directory alone", () => {
    for (const text of [
      "  #storageKey = '__msw-cookie-store__'",
      '  "Unexpected_token_1012": "予期しないトークンです。",',
      "                 *   PWD: '/Users/maciej',",
      'env: { PWD: "C:\\\\Users\\\\jane\\\\project" }',
    ]) assert.deepEqual(kinds(text), [], text);
  });

  it("still reports literal values, quoted or not", () => {
    const r = createRandom(12);
    const random = r.chars(ALPHABET.base62, 24);
    const password = r.chars(ALPHABET.base62 + "!#%", 12);
    assert.deepEqual(kinds(`const apiKey = '${random}';`), ["generic-secret"]);
    assert.deepEqual(kinds(`  client_secret: ${random}`), ["generic-secret"]);
    assert.deepEqual(kinds(`DB_PASSWORD=${password}`), ["password"]);
    assert.deepEqual(kinds(`"password": "Summer2024!"`), ["password"], "a quoted password needs no randomness");
    assert.deepEqual(kinds(`smtp_password: sunshine99`), ["password"], "a lone word with digits is a typed password, not code");
    assert.deepEqual(kinds(`"env": "API_TOKEN=${random}\\nDEBUG=1"`), ["generic-secret"]);
    const [finding] = redactor.scan(`"env": "API_TOKEN=${random}\\nDEBUG=1"`);
    assert.equal(finding?.end! - finding?.start!, random.length, "the escaped line break is not part of the value");
    assert.deepEqual(kinds(`PWD=${password}`), ["password"]);
  });

  it("reports a header's random value of letters only, but not one made of words", () => {
    const letters = createRandom(14).chars(ALPHABET.letters, 32);
    assert.deepEqual(kinds(`headers: { "X-API-Key": "${letters}" }`), ["auth-header"]);
    assert.deepEqual(kinds(`curl -H "Authorization: Bearer ${letters}" https://api.acme.io`), ["auth-header"]);
    assert.deepEqual(kinds('curl -H "X-API-Key: my-team-api-key-here" https://api.acme.io'), []);
  });

  it("finds an assignment right after a label that reads as a name (secret: DB_PASSWORD=...)", () => {
    const password = createRandom(13).chars(ALPHABET.base62 + "&", 13);
    for (const label of ["add this secret: ", "Credentials: ", "token: ", "password: "]) {
      const text = `${label}DB_PASSWORD=${password}`;
      const found = redactor.scan(text);
      assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), [password], text);
    }
    assert.deepEqual(kinds("Credentials: DB_PASSWORD=${DB_PASSWORD}"), []);
  });
});

describe("kindOfSecretName", () => {
  it("names a whole name's kind as the generic rule does, for rules that find a name apart from its value", () => {
    const names = { db_password: "password", ADMIN_PASS: "password", datadog_api_key: "generic-secret", client_secret: "generic-secret" };
    for (const [name, kind] of Object.entries(names)) assert.equal(kindOfSecretName(name), kind, name);
    for (const name of ["secret_name", "token_ttl", "password_hash", "public_key", "csrf_token", "region"]) assert.equal(kindOfSecretName(name), undefined, name);
  });
});

describe("looksLikeWords", () => {
  it("is true for identifiers and names made of words", () => {
    for (const v of ["contextToken2", "createO200KSpecialTokenMap", "RESERVED_TOKEN_RANGE_START", "__msw-cookie-store__", "1*non-delimiter", "specialTokensEncoder"]) {
      assert.ok(looksLikeWords(v), v);
    }
  });

  it("is almost never true for generated values", () => {
    const r = createRandom(99);
    for (const [alphabet, length, most] of [[ALPHABET.base62, 12, 10], [ALPHABET.base62, 20, 2], [ALPHABET.base64, 40, 0], [ALPHABET.hex, 32, 1]] as const) {
      let words = 0;
      for (let i = 0; i < 5000; i++) if (looksLikeWords(r.chars(alphabet, length))) words++;
      assert.ok(words <= most, `${words} of 5000 random values of ${length} characters look like words`);
    }
  });
});
