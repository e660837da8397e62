// Messages and comments too thin to learn from. The list follows the filters used to
// build CommitPackFT (OctoPack, Muennighoff et al. 2023): no "wip", "fix", "update",
// "Merge ...", version bumps; plus the review one-liners ("LGTM", "+1", "nit").
import { REFERENCE, referenceLines } from "../text/references.js";
import { markdownLines } from "./markdown-lines.js";

const TRIVIAL_EXACT = new Set([
  "wip", "fix", "fixes", "fixed", "fixup", "update", "updates", "updated", "typo", "typos",
  "minor", "minor fix", "minor fixes", "minor changes", "cleanup", "clean up", "refactor",
  "changes", "change", "misc", "stuff", "tmp", "temp", "test", "tests", "testing", "todo",
  "done", "ok", "okay", "lgtm", "+1", "-1", "nit", "nits", "thanks", "thank you", "ty", "ack",
  "same", "same here", "dito", "ditto", "agreed", "good", "nice", "looks good", "looks good to me",
  "sgtm", "ptal", "bump", "release", "initial commit", "first commit", "init", "save", "...",
  "more fixes", "small fix", "small fixes",
]);

/** A file name as GitHub's web editor names it in a commit, with a dot or a well-known name. */
const FILE = String.raw`(?:[\w.@-]+\/)*(?:[\w@-][\w.@-]*\.\w{1,10}|readme|license|licence|makefile|dockerfile|changelog|codeowners|authors|contributing|notice)`;
/** A dependency's version as bots write it: 4.17.21, v4, 2.0.0-rc.1, or a pinned commit. */
const VERSION = String.raw`(?:v?\d[\w.+-]*|[0-9a-f]{7,40})`;
/** A conventional-commit prefix, as bots add it when a project asks for one: "chore(deps): ", "build(deps-dev): ", "ci: ". */
const PREFIX = String.raw`(?:[a-z]+(?:\([\w./-]+\))?!?:\s*)?`;

// A branch's housekeeping, as its commits say it: "lint", "fix typo", "run gofmt", "PR
// comments", "address review", "Update based on review", and what GitHub's web editor
// proposes ("Update README.md"). GitHub lists them in a squash merge's body, and they teach
// nothing there or alone; over a body that says more, they are its headline. Also after a
// conventional-commit prefix ("ci: style", "fix: typo").
const CHORE = String.raw`(?:lint(?:er|ing)?|gofmt|go fmt|goimports|fmt|prettier|black|isort|ruff|eslint|pre-commit|format(?:ter|ting)?|(?:code )?style|whitespace|typos?|spelling|tests?)`;
const HOUSEKEEPING = [
  new RegExp(String.raw`^(?:(?:run|ran|apply|applied|fix(?:ed|es)?)\s+)?(?:the\s+)?${CHORE}(?:\s+(?:fix(?:es)?|changes|errors?|issues?|warnings?|formatting))?$`),
  /^(?:(?:address(?:ed|es|ing)?|fix(?:ed|es)?|resolve[sd]?|appl(?:y|ied)|handle[sd]?|incorporate[sd]?)\s+)?(?:the\s+|some\s+|more\s+)?(?:(?:pr|mr|cr|code)\s+)?(?:reviews?(?:\s+(?:comments?|feedback|suggestions?|fixes|changes|nits?))?|feedback|comments?|suggestions?|nits?)$/,
  /^(?:updated?|changes?|fix(?:es|ed)?|tweaks?)\s+(?:based on|from|after|per|for)\s+(?:the\s+)?(?:(?:pr|code)\s+)?(?:reviews?|feedback|comments?)(?:\s+(?:comments?|feedback))?$/,
  // "Update README.md", "Create labeler.yml", "Delete docs/old.md", "Rename a.md to b.md".
  new RegExp(String.raw`^(?:(?:update|create|delete) ${FILE}|(?:update and )?rename ${FILE} to ${FILE})$`),
];
const TYPE_PREFIX = new RegExp(`^${PREFIX}`);

const TRIVIAL_PATTERNS = [
  /^merge\b/i, // "Merge branch 'x'", "Merge pull request #1 from ..."
  /^(?:fixup|squash|amend)!/i,
  // A one-line "work in progress", however it goes on ("wip: half done parser", "WIP on the
  // parser, do not merge", "[WIP] ..."): a snapshot, not a change its message describes. One
  // line only: a merged PR's body may start with a stale "WIP" above a real description.
  /^\W*wip\b[^\n]*$/i,
  /^revert\s+"merge\b/i,
  /^(?:bump|release|version|v)\s*v?\d+(?:\.\d+)*\S*$/i, // "v1.2.3", "bump 1.2", "release 2.0"
  /^(?:\W|\d)*$/, // punctuation, emoji-free noise and numbers only
  // Texts GitHub writes for a button, and that stay under whoever pressed it.
  /^apply suggestions? from (?:code review|@[\w-]+)$/,
  /^add files via upload$/,
  /^\[pre-commit\.ci\]/, // "[pre-commit.ci] auto fixes from pre-commit.com hooks", "... pre-commit autoupdate"
  // Dependabot's and Renovate's subjects, also when a person merged (and so authored) them:
  // "Bump lodash from 4.17.15 to 4.17.21", "chore(deps): bump the npm group with 3 updates",
  // "Update dependency lodash to v4.17.21". Only with versions: "Bump the minimum Node
  // version to 20 because ..." is a person's sentence.
  new RegExp(String.raw`^${PREFIX}bump \S+(?: and \S+)? from ${VERSION} to ${VERSION}(?: in \S+)?$`),
  new RegExp(String.raw`^${PREFIX}bump the \S+ group (?:across|in) .* with \d+ updates?$`),
  new RegExp(String.raw`^${PREFIX}update (?:dependency \S+|\S+ (?:action|docker tag|digest)) to ${VERSION}$`),
  // git's own text for a revert or a reapply, with nothing said about why.
  /^(?:revert|reapply) "[^\n]*"\s+this reverts commit [0-9a-f]{7,64}(?:, reversing\s+changes made to [0-9a-f]{7,64})?$/,
];

/** A release's version: 0.2, 8.1.0, 8.2.0.dev, 8.0.0rc1, 2.6-dev, v1.3.1.1. */
const RELEASE = String.raw`v?\d+(?:\.\d+)+[\w.+-]*|v?\d+[-.](?:dev|rc|alpha|beta|a|b)\d*`;

// Texts trivial only when they are all there is (as the housekeeping above): a message that
// is nothing but "This is 0.2" or git's bare 'Revert "..."' teaches nothing, yet the same
// line over a body that says what the release or the revert is about is that body's headline.
const ONLY_LINE_PATTERNS = [
  // The version bumps of a release routine: "This is 0.2", "This is going to be 2.1-dev",
  // "release version 8.1.0", "start version 8.1.4", "Ready for 3.0-dev", "Bump version to
  // 8.2.0.dev", "Bump to dev version", "Change version number on develop branch to 1.3.1.1".
  new RegExp(String.raw`^(?:this is|it is|here is|now)\s+(?:going to be\s+|actually\s+|now\s+)?(?:version\s+)?(?:${RELEASE})(?:\s*\([^)\n]*\))?$`),
  new RegExp(
    String.raw`^(?:(?:re-?)?releas(?:e|ed|ing)|start(?:ed|ing)?|open(?:ed)? up for|ready for|prepar(?:e|ed|ing)(?: for)?|back to|begin|tag(?:ged)?|cut)\s+` +
      String.raw`(?:the\s+)?(?:(?:new\s+|next\s+)?(?:version|release)\s+)?(?:${RELEASE})(?:\s+(?:release|dev(?:elopment)?))?$`,
  ),
  new RegExp(
    String.raw`^(?:bump(?:ed|s)?|chang(?:e|ed|es)|updat(?:e|ed|es)|set|increas(?:e|ed)|increment(?:ed)?|rais(?:e|ed))\s+(?:the\s+)?(?:(?:dev|development|package|project|library)\s+)?` +
      String.raw`version(?:\s+(?:number|string)s?)?(?:\s+on\s+(?:the\s+)?[\w./-]+\s+branch)?(?:\s+(?:to|for)\s+(?:${RELEASE})(?:\s+release)?)?$`,
  ),
  new RegExp(String.raw`^bump(?:ed)?\s+to\s+(?:(?:the\s+)?(?:next\s+)?dev(?:elopment)?\s+version|${RELEASE})$`),
  new RegExp(String.raw`^(?:version\s+bump(?:\s+to\s+(?:${RELEASE}))?|(?:${RELEASE})(?:\s+release)?)$`),
  // git's revert of a commit, reason left out ('Revert "Add python 3.9 to CI."').
  /^(?:revert|reapply)\s+"[^\n]*"$/,
];

/** The pull request a squash merge names at the end of its subject: "Bump x from 1 to 2 (#123)". */
const PULL_SUFFIX = /\s*\(#\d+\)$/gm;

// Review approvals and acknowledgements beyond the list above: a reviewer's "Good catch!"
// or "ship it" says nothing about the code. Both lists are compared after normalising,
// so "LGTM 👍" is "lgtm" and "Looks good to me!" is "looks good to me".
const ACKNOWLEDGEMENTS = new Set([
  "looks great", "looks fine", "looks ok", "looks okay", "ship it", "shipit", "approved",
  "approve", "good catch", "nice catch", "great catch", "good point", "fair point", "nice one",
  "nice work", "great work", "good work", "good job", "great job", "well done", "great",
  "awesome", "perfect", "cool", "makes sense", "yes", "yep", "sure", "will do", "noted",
]);

// A trailing (or leading) thanks does not make an approval worth learning from.
const THANKS = ["thanks", "thank you", "thx", "ty", "thanks a lot", "many thanks", "thank you very much", "cheers"];

/** Lower case, apostrophes dropped, punctuation and emoji to spaces, spaces collapsed. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[\p{P}\p{S}\uFE0F\u200D]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const isAcknowledgement = (t: string) => ACKNOWLEDGEMENTS.has(t) || TRIVIAL_EXACT.has(t) || THANKS.includes(t);

function isThankedAcknowledgement(t: string): boolean {
  return THANKS.some(
    (thanks) =>
      (t.endsWith(` ${thanks}`) && isAcknowledgement(t.slice(0, -thanks.length - 1))) ||
      (t.startsWith(`${thanks} `) && isAcknowledgement(t.slice(thanks.length + 1))),
  );
}

function isHousekeeping(t: string): boolean {
  const untyped = t.replace(TYPE_PREFIX, "");
  return TRIVIAL_EXACT.has(untyped) || HOUSEKEEPING.some((p) => p.test(t) || p.test(untyped));
}

// A comment's sentences (clauses) that say nothing by themselves: thanks in a few more words
// ("Thanks for the report", "Thank you for reporting this"), a promise to look ("Looking into
// it", "I'll take a look"), a ping ("@alice what do you think?", "cc @carol"), a pointer to
// an issue or a pull request ("Duplicate of #45", "Fixed in #50", "Closed via #12") and a
// closing note ("Closing as stale", "Please reopen if it still happens on 3.0"). A text of
// nothing else is no answer and no review; one clause more that says something is
// ("Thanks! The fix is to set X=1 in the config.").
const THANKS_FOR = /^(?:thanks|thank you|thx|many thanks|cheers)(?: (?:so|very) much| a lot| again| everyone| all| both)?(?: for(?: \S+){1,6})?$/;
const LOOKING = new RegExp(
  String.raw`^(?:(?:i|we|ill|well|will|im|were|i will|we will|i am|we are|i ll|we ll|i m|we re|going to|gonna|i can|we can|let me|let us|lets) )*` +
    String.raw`(?:(?:take|taking|have|having) a (?:quick |closer |deeper )?look(?: at (?:it|this|that|the issue))?|look(?:ing)? into (?:it|this|that)|investigat(?:e|ing)(?: (?:it|this|that))?|` +
    String.raw`check(?:ing)? (?:it|this|that)(?: out)?|(?:be )?on it|work(?:ing)? on (?:it|this|that|a fix)|(?:try to )?(?:fix|reproduce) (?:it|this|that)|get to (?:it|this))` +
    String.raw`(?: (?:soon|asap|shortly|later|today|tomorrow|this week|next week|now))?$`,
);
const MORE_ACKNOWLEDGEMENTS = new Set(["appreciated", "much appreciated", "good find", "nice find", "good spot", "nice spot"]);
/** What a ping asks besides the names: "@alice what do you think?", "@bob thoughts?". */
const PING = /^(?:(?:cc|fyi|ping|pinging)(?: |$))*(?:what do you think(?: about (?:it|this|that))?|wdyt|(?:any |your )?(?:thoughts|opinions?|ideas)|(?:can|could|would) you (?:please )?(?:take a look|have a look|look|review)(?: at (?:it|this|that))?|please (?:take a look|have a look|review)(?: at (?:it|this|that))?|ptal)?$/;
/** An issue or pull request (references.ts's REFERENCE), or a commit's hash, as one word. */
const REF_WORD = "xref";
const REFERENCE_IN_TEXT = new RegExp(String.raw`${REFERENCE}|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b`, "gi");
const REFERENCE_NOTE = new RegExp(
  String.raw`^(?:(?:this|that|it|its|it is|this is|that is|this was|that was|is|was|has been|have been|got|will be|should be|already|probably|likely|now|a) )*` +
    String.raw`(?:(?:duplicate|dupe|dup|same as|see(?: also)?|refs?|related(?: to)?|(?:tracked|covered|answered|discussed|continued|moved|followed up|superseded|replaced|reverted|done|landed|merged|released|shipped)` +
    String.raw`|fix(?:ed|es)?|resolved?s?|addressed|closed?s?|closing(?: (?:in favou?r of|as (?:a )?(?:duplicate|dupe) of))?|implemented)(?: (?:of|in|by|with|via|on|at|to|as part of|through|in favou?r of))? )?` +
    String.raw`${REF_WORD}(?: (?:too|as well|now|already))?$`,
);
/** "Closing as stale", "Closing due to inactivity", "Closed since there was no response". */
const CLOSING = /^(?:(?:i am|im|we are|were|i will|ill|we will|well) )?(?:closing|closed|close)(?: (.*))?$/;
const CLOSING_WORDS = new Set(
  ("this it the issue one pr for now then out as due to because of since given there is was has have been being had its a an no any lack " +
    "stale inactivity inactive activity recent response responses reply replies feedback information info further more from the reporter author op " +
    "completed complete resolved fixed answered duplicate dupe wontfix wont fix not planned obsolete outdated old while long time in over months " +
    "weeks years days we havent heard back you " +
    REF_WORD).split(" "),
);
const REOPEN = /^(?:please |feel free to |free to |dont hesitate to |you can |happy to |we can |and )*(?:re ?open(?: (?:this|it|the issue|this issue))?|open a new (?:issue|one)|(?:file|create) a new issue)(?: if .*)?$/;

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
const MENTION = /(?<![\w@/])@[\w-]+(?:\/[\w.-]+)?/g;
const REFERENCE_LIST = new RegExp(String.raw`\b${REF_WORD}(?: (?:and|or|${REF_WORD}))* ${REF_WORD}\b`, "g");

function isFillerClause(clause: string): boolean {
  const unmailed = clause.replace(EMAIL, " ");
  const unnamed = unmailed.replace(MENTION, " ");
  const n = normalise(unnamed.replace(REFERENCE_IN_TEXT, ` ${REF_WORD} `)).replace(REFERENCE_LIST, REF_WORD);
  if (n === "") return true;
  if (isAcknowledgement(n) || isThankedAcknowledgement(n) || MORE_ACKNOWLEDGEMENTS.has(n) || THANKS_FOR.test(n) || LOOKING.test(n)) return true;
  if ((unnamed !== unmailed || /^(?:cc|fyi)\b/.test(n)) && PING.test(n)) return true;
  if (REFERENCE_NOTE.test(n) || REOPEN.test(n)) return true;
  const closing = CLOSING.exec(n);
  return closing !== null && (closing[1] ?? "").split(" ").every((w) => w === "" || CLOSING_WORDS.has(w));
}

/**
 * Thanks, pings, pointers and closing notes, however many: nothing else said (see above).
 * Read by clauses: lines split after . ! ? , ; : and a space (not in "2.1" or a URL), less
 * the quoted lines (the reporter's words) and the lines of references only ("* Fixes #12").
 */
function isOnlyFiller(text: string): boolean {
  const lines = markdownLines(text);
  const references = referenceLines(lines);
  return lines
    .filter((line, i) => !references.has(i) && !/^\s*>/.test(line.text))
    .flatMap((line) => line.text.split(/[.!?,;:]+(?=\s|$)/))
    .every(isFillerClause);
}

function isTrivial(text: string, whole: boolean): boolean {
  const t = text.trim().toLowerCase().replace(PULL_SUFFIX, "").replace(/[.!]+$/, "");
  if (t === "") return true;
  if (TRIVIAL_EXACT.has(t)) return true;
  if (TRIVIAL_PATTERNS.some((p) => p.test(t))) return true;
  if (whole && (ONLY_LINE_PATTERNS.some((p) => p.test(t)) || isHousekeeping(t) || isOnlyFiller(text))) return true;
  const n = normalise(t);
  return isAcknowledgement(n) || isThankedAcknowledgement(n);
}

/** Whether a whole text (a message, a body, a comment) is too thin to learn from. */
export function isTrivialText(text: string): boolean {
  return isTrivial(text, true);
}

/**
 * Whether a headline (a commit's subject, a title) is: as isTrivialText, except for the
 * lines that are trivial only when nothing follows them ("This is 0.2", 'Revert "x"').
 */
export function isTrivialHeadline(text: string): boolean {
  return isTrivial(text, false);
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === "" ? 0 : words.length;
}
