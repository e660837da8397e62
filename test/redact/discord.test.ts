import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ALPHABET as A, createRandom } from "../../fixtures/secrets/random.js";
import { findDiscordTokens } from "../../src/redact/discord.js";

// Made up: a user id in base64, a timestamp part, an HMAC part.
const r = createRandom(3);
const token = (digits = 18, hmac = 27) =>
  `${Buffer.from(`1${r.chars(A.digits, digits - 1)}`).toString("base64url")}.G${r.chars(A.base64url, 5)}.${r.chars(A.base64url, hmac)}`;

describe("Discord bot tokens", () => {
  it("are found at every offset, next to other dots too", () => {
    for (const t of [token(17, 27), token(19, 38), token(20, 27)]) {
      for (let pad = 0; pad < 64; pad++) {
        // Around it: blanks, code, dots 7 apart as in a token, dotted names glued to it.
        const around: [string, string][] = [
          [" ".repeat(pad), ""],
          [`${"x.y = 1; ".repeat(pad).slice(0, pad)}"`, `";\n`],
          ["", ` ${"a.b.".repeat(pad)}`],
          [`${"abcdef.".repeat(pad)} `, ""],
          ["abcdef.".repeat(pad), `.${"ab.".repeat(pad)}`],
        ];
        for (const [before, after] of around) {
          const text = `${before}${t}${after}`;
          assert.deepEqual(findDiscordTokens(text), [{ start: before.length, end: before.length + t.length }], JSON.stringify(text));
        }
      }
    }
  });

  it("are told from other dotted base64url by the id: a JWT, a long identifier chain, a blob", () => {
    const jwt = `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${r.chars(A.base64url, 40)}.${r.chars(A.base64url, 43)}`;
    const chain = "ts.factory.createPropertyAccessExpression.withSomeVeryLongMemberNames.andMore";
    const notAnId = `M${r.chars(A.base64url, 23)}.${r.chars(A.base64url, 6)}.${r.chars(A.base64url, 27)}`;
    const longId = `${r.chars(A.base64url, 40)}.${r.chars(A.base64url, 6)}.${r.chars(A.base64url, 27)}`;
    for (const text of [jwt, chain, notAnId, longId, `x${token()}`, `${token()}x${r.chars(A.base64url, 11)}`]) assert.deepEqual(findDiscordTokens(text), [], text);
  });

  it("end at a full stop and start after a dotted prefix", () => {
    const t = token();
    assert.deepEqual(findDiscordTokens(`It is ${t}.`), [{ start: 6, end: 6 + t.length }]);
    assert.deepEqual(findDiscordTokens(`env.${t}`), [{ start: 4, end: 4 + t.length }]);
  });
});
