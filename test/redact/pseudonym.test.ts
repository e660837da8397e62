import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createPseudonymizer, pseudonymizeText } from "../../src/redact.js";

describe("pseudonymizer", () => {
  it("maps a login to a stable pseudonym, the same in every instance and run", () => {
    const a = createPseudonymizer({ salt: "team-secret" });
    const b = createPseudonymizer({ salt: "team-secret" });
    assert.match(a("octocat"), /^user-[0-9a-f]{8}$/);
    assert.equal(a("octocat"), b("octocat"));
    assert.equal(a("octocat"), a("  OctoCat "));
  });

  it("gives different people different pseudonyms", () => {
    const p = createPseudonymizer();
    const names = Array.from({ length: 2000 }, (_, i) => `dev-${i}`);
    assert.equal(new Set(names.map(p)).size, names.length);
  });

  it("depends on the salt, so a list of known logins cannot be matched without it", () => {
    assert.notEqual(createPseudonymizer({ salt: "a" })("octocat"), createPseudonymizer({ salt: "b" })("octocat"));
    assert.notEqual(createPseudonymizer()("octocat"), createPseudonymizer({ salt: "a" })("octocat"));
  });

  it("takes a prefix and a length", () => {
    assert.match(createPseudonymizer({ prefix: "author-", length: 12 })("Jane Doe"), /^author-[0-9a-f]{12}$/);
  });

  it("replaces known names and @mentions in text, longest first, and nothing else", () => {
    const p = createPseudonymizer({ salt: "s" });
    const text = "Thanks @octocat and Jane Doe! cc @hubot; import '@types/node'; @Override; Jane's fix.";
    const out = pseudonymizeText(text, ["octocat", "Jane Doe", "Jane"], p);
    assert.equal(out, `Thanks @${p("octocat")} and ${p("Jane Doe")}! cc @hubot; import '@types/node'; @Override; ${p("Jane")}'s fix.`);
  });
});
