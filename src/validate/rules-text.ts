// The course's tips on writing instructions, as checks on the words: a placeholder left in
// place (an error), and instructions that are vague, ask for several things, or hide who
// does what in the passive voice (warnings). Heuristics: cheap, and tuned to stay quiet on
// the instructions gh-harvest's own mapping rules write.
import { problem, quote, type Problem } from "./problem.js";
import type { TextField } from "./text-field.js";

// Fill-in markers of templates and generated datasets. `TODO: implement` counts only as a
// line of its own: "TODO: implement retries in a follow-up" in a PR body is a real sentence.
// Filler text starts "Lorem ipsum dolor" or is the two words alone: "What is lorem ipsum?" is a question.
const PLACEHOLDER =
  /<\s*(?:your|insert|enter|add|put)[ _-][^<>\n]{0,40}>|\[\s*(?:your|insert)[ _-][^[\]\n]{0,40}\]|\byour[ _-]+(?:code|answer|response|solution)[ _-]+here\b|\binsert [\w ]{1,30} here\b|\blorem ipsum\s+dolor\b|^[ \t]*lorem ipsum[ \t.!…]*$|^[ \t]*(?:\/\/|#|\/\*|--)?[ \t]*TODO:?[ \t]*implement(?:[ \t]+(?:this|me|here|it))?\W*$/im;
/** A whole text that is only a stand-in. */
const STAND_IN = /^\s*(?:\.{3,}|…|TODO|TBD|FIXME|XXX|N\/A|placeholder)\.?\s*$/i;

export function placeholderRule(field: TextField, out: Problem[]): void {
  if (field.role !== "instruction" && field.role !== "output") return;
  const whole = STAND_IN.exec(field.text);
  const m = whole ?? PLACEHOLDER.exec(field.text);
  if (!m) return;
  const found = m[0].trim();
  out.push(
    problem("placeholder", `${field.path} holds the placeholder ${quote(found)}; write the real text`, {
      field: field.path,
      offset: field.base + m.index + (m[0].length - m[0].trimStart().length),
    }),
  );
}

// Words that say "do something" without saying what: an instruction made only of these
// ("Fix this.", "Do something better with this code", "improve it") is vague.
const GENERIC = new Set(
  `fix improve make do something anything better optimize optimise clean cleanup up refactor change update help rewrite
   review check look explain edit modify correct solve handle work works working debug tweak redo please pls can could
   would you u me i we it this that these those the a an some my our its with on at to for of in here there again code
   stuff thing things bit little more good nice nicer faster properly now just same way is it's what wrong`.split(/\s+/),
);

export function vagueRule(field: TextField, out: Problem[]): void {
  if (field.text.length > 100) return; // eight generic words never take that much
  // Numbers, operators, code or quotes name the subject: "What is 15 * 4?" is not vague.
  if (/[\d*+=/<>(){}[\]`"]/.test(field.text)) return;
  const words = field.text.toLowerCase().split(/[^a-z']+/).filter(Boolean);
  if (words.length === 0 || words.length > 8 || !words.every((w) => GENERIC.has(w))) return;
  out.push(
    problem("vague-instruction", `the instruction ${quote(field.text.trim(), 60)} does not say what to change or what a good result is; name the code, the problem and the expected outcome`, {
      field: field.path,
      offset: field.base,
    }),
  );
}

const ASK = `write|explain|fix|add|create|implement|refactor|describe|summari[sz]e|list|generate|translate|convert|review|rewrite|optimi[sz]e|improve|document|update|remove|delete|rename|find|give|show|tell|compare|design|build|suggest|provide|outline|analy[sz]e|identify|calculate`;
const LEADING_ASK = new RegExp(`^(?:(?:please|also|then|and|now|finally|next|can you|could you|would you)[ ,]+)*(?:${ASK})\\b`, "i");
const JOINED_ASK = new RegExp(`(?:,|\\s)\\s*(?:and\\s+(?:then\\s+|also\\s+)?|then\\s+|also\\s+|as well as\\s+|additionally,?\\s+)(${ASK})\\b`, "gi");
const NUMBERS = ["no", "one", "two", "three", "four", "five"];

/** The first paragraph, without quoted titles or inline code, whose words are not asks. */
function askText(text: string): string {
  const cut = text.indexOf("\n\n");
  return (cut < 0 ? text : text.slice(0, cut)).slice(0, 2000).replace(/"[^"\n]*"|“[^”\n]*”|`[^`\n]*`/g, '""');
}

/**
 * A modal or "to" with its verb (and a word or two) just before the joining word: "a class
 * that can add and remove items", "how to add items and delete them". The second verb shares
 * the first one's subject, so it describes what is asked for; it is not another ask, as
 * "explain" is in "Write a function that parses dates and explain it".
 */
const CLAUSE = /\b(?:to|can|could|will|would|should|must|may)\s+(?:\S+\s+){0,2}\S+\s*$/i;

// Without a joining word or a second sentence there is at most one ask: most instructions.
const MAYBE_SEVERAL = /\b(?:and|then|also|additionally|as well as)\b|[.!?;:]\s+\S|\n|\?.*\?/i;

export function compoundRule(field: TextField, out: Problem[]): void {
  const text = askText(field.text);
  if (!MAYBE_SEVERAL.test(text)) return;
  const verbs: string[] = [];
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\n+/)) {
    const s = sentence.trim();
    const lead = LEADING_ASK.exec(s);
    if (lead) verbs.push(lead[0].split(/[ ,]+/).at(-1)!.toLowerCase());
    else if (s.endsWith("?")) verbs.push("answer");
    for (const m of s.matchAll(JOINED_ASK)) {
      // "a class that can add and remove items", "explain how to add and delete rows": the
      // verbs belong to what the one ask is about.
      if (CLAUSE.test(s.slice(0, m.index))) continue;
      verbs.push(m[1]!.toLowerCase());
    }
  }
  if (verbs.length < 2) return;
  const count = NUMBERS[verbs.length] ?? String(verbs.length);
  out.push(
    problem("compound-instruction", `the instruction asks for ${count} things (${verbs.join(", ")}); ask for one per record`, {
      field: field.path,
      offset: field.base,
    }),
  );
}

const PASSIVE =
  /\b(?:should|must|needs? to|has to|have to|ought to|is to|are to)\s+(?:also\s+|now\s+)?be\s+(?:\w+ly\s+)?(?:\w+ed|written|done|made|built|given|shown|run|taken|rewritten|broken|chosen)\b|\b(?:is|are)\s+(?:needed|required|wanted|expected)\b/i;

const MAYBE_PASSIVE = /\b(?:be|needed|required|wanted|expected)\b/i;

export function passiveRule(field: TextField, out: Problem[]): void {
  if (!MAYBE_PASSIVE.test(field.text)) return;
  const first = askText(field.text).split(/(?<=[.!?])\s+/, 1)[0] ?? "";
  if (LEADING_ASK.test(first.trim()) || /^\s*(?:how|what|why|which|where|when|who|can|could|would|is|are|does|do)\b/i.test(first)) return;
  const m = PASSIVE.exec(first);
  if (!m) return;
  out.push(
    problem("passive-instruction", `the instruction is in the passive voice (${quote(m[0])}); say who does what, as in "Write ..." or "Fix ..."`, {
      field: field.path,
      offset: field.base + m.index,
    }),
  );
}
