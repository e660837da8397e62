import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTriageQuestion } from "../../src/github/issue-answers.js";

describe("isTriageQuestion", () => {
  for (const text of ["Can you share your version?", "Could you please post the full stack trace?", "Which version of node are you on?", "Please attach a minimal reproduction?"]) {
    it(`is a question back to the reporter: "${text}"`, () => assert.equal(isTriageQuestion(text), true));
  }
  for (const text of [
    "Have you tried passing `height` explicitly?",
    "Can you share your version? It was fixed in 0.3, so upgrading should do it.",
    "What version are you on? " + "If it is older than 0.3, icons are bitmaps and blurry on retina screens; upgrade to get SVG icons. ".repeat(2) + "?",
  ]) {
    it(`is an answer: "${text.slice(0, 50)}..."`, () => assert.equal(isTriageQuestion(text), false));
  }
});
