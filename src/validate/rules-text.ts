// The course's tips on writing instructions, as checks on the words: a placeholder left in
// place (an error), and instructions that are vague, ask for several things, or hide who
// does what in the passive voice (warnings). Heuristics: cheap, and tuned to stay quiet on
// the instructions gh-harvest's own mapping rules write.
import { fencedBlocks } from "./fences.js";
import { problem, quote, type Problem } from "./problem.js";
import type { TextField } from "./text-field.js";

// Fill-in markers of templates and generated datasets. A bracketed slot is one when it says
// "here" or stands for the answer itself (`<your_code_here>`, `[insert summary here]`,
// `<your answer>`); one that names a value (`<your-token>`, `<insert name>`, `[Your Name]`)
// is how documentation and letters ask the reader to fill in their own, a correct answer.
// `TODO: implement` counts only where code would be (a line of its own, or a comment ending
// a line): "TODO: implement retries in a follow-up" in a PR body is a real sentence. Filler
// text starts "Lorem ipsum dolor" or is the two words alone, outside code (an HTML skeleton's
// filler is part of the answer): "What is lorem ipsum?" is a question.
const SLOT_NOUN = String.raw`(?:here|code|answers?|responses?|solutions?|text|content|output|explanation|description|summary|implementation|instructions?|prompt)`;
const PLACEHOLDER = new RegExp(
  [
    String.raw`<\s*(?:your|insert|enter|add|put)[ _-](?:[^<>\n]{0,40}?[ _-])?${SLOT_NOUN}\s*>`,
    String.raw`\[\s*(?:your|insert|enter)[ _-](?:[^[\]\n]{0,40}?[ _-])?${SLOT_NOUN}\s*\]`,
    String.raw`\byour[ _-]+(?:code|answer|response|solution)[ _-]+here\b`,
    String.raw`\binsert [\w ]{1,30} here\b`,
    String.raw`\blorem ipsum\s+dolor\b`,
    String.raw`^[ \t]*lorem ipsum[ \t.!…]*$`,
    String.raw`(?:^[ \t]*|\/\/|#|\/\*|--)[ \t]*TODO:?[ \t]*implement(?:[ \t]+(?:this|me|here|it)(?:[ \t]+(?:function|method|class|part|step|logic))?)?\W*$`,
  ].join("|"),
  "gim",
);
/** A whole text that is only a stand-in. */
const STAND_IN = /^\s*(?:\.{3,}|…|TODO|TBD|FIXME|XXX|N\/A|placeholder)\.?\s*$/i;
/** A whole text that is one bracketed slot: what an input holding only `<your_code_here>` is. */
const SLOT_ALONE = /^\s*(?:<[^<>\n]{1,60}>|\[[^[\]\n]{1,60}\])\s*$/;

export function placeholderRule(field: TextField, out: Problem[]): void {
  // An input is the material (a diff, a document) and may quote a template: only an input
  // that is nothing but a stand-in is one.
  const m = field.role === "input" ? standIn(field.text, true) : (standIn(field.text, false) ?? findPlaceholder(field.text));
  if (!m) return;
  const found = m[0].trim();
  out.push(
    problem("placeholder", `${field.path} holds the placeholder ${quote(found)}; write the real text`, {
      field: field.path,
      offset: field.base + m.index + (m[0].length - m[0].trimStart().length),
    }),
  );
}

function standIn(text: string, alsoSlot: boolean): RegExpExecArray | null {
  const whole = STAND_IN.exec(text);
  if (whole || !alsoSlot) return whole;
  const slot = SLOT_ALONE.exec(text);
  return slot && findPlaceholder(text);
}

function findPlaceholder(text: string): RegExpExecArray | null {
  PLACEHOLDER.lastIndex = 0;
  let code: [number, number][] | undefined;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
    if (!/^\s*lorem/i.test(m[0])) return m;
    code ??= codeBlocks(text);
    if (!code.some(([from, to]) => m!.index >= from && m!.index < to)) return m;
  }
  return null;
}

/** Where the closed fenced code blocks of a text are, as [start, end) offsets. */
function codeBlocks(text: string): [number, number][] {
  return fencedBlocks(text).flatMap((b) => (b.end === undefined ? [] : [[b.start, b.end] as [number, number]]));
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
