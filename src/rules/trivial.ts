// Messages and comments too thin to learn from. The list follows the filters used to
// build CommitPackFT (OctoPack, Muennighoff et al. 2023): no "wip", "fix", "update",
// "Merge ...", version bumps; plus the review one-liners ("LGTM", "+1", "nit").
const TRIVIAL_EXACT = new Set([
  "wip", "fix", "fixes", "fixed", "fixup", "update", "updates", "updated", "typo", "typos",
  "minor", "minor fix", "minor fixes", "minor changes", "cleanup", "clean up", "refactor",
  "changes", "change", "misc", "stuff", "tmp", "temp", "test", "tests", "testing", "todo",
  "done", "ok", "okay", "lgtm", "+1", "-1", "nit", "nits", "thanks", "thank you", "ty", "ack",
  "same", "same here", "dito", "ditto", "agreed", "good", "nice", "looks good", "looks good to me",
  "sgtm", "ptal", "bump", "release", "initial commit", "first commit", "init", "save", "...",
]);

/** A dependency's version as bots write it: 4.17.21, v4, 2.0.0-rc.1, or a pinned commit. */
const VERSION = String.raw`(?:v?\d[\w.+-]*|[0-9a-f]{7,40})`;
/** A conventional-commit prefix bots add when a project asks for one: "chore(deps): ", "build(deps-dev): ". */
const PREFIX = String.raw`(?:[a-z]+(?:\([\w./-]+\))?!?:\s*)?`;

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

export function isTrivialText(text: string): boolean {
  const t = text.trim().toLowerCase().replace(PULL_SUFFIX, "").replace(/[.!]+$/, "");
  if (t === "") return true;
  if (TRIVIAL_EXACT.has(t)) return true;
  if (TRIVIAL_PATTERNS.some((p) => p.test(t))) return true;
  const n = normalise(t);
  return isAcknowledgement(n) || isThankedAcknowledgement(n);
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === "" ? 0 : words.length;
}
