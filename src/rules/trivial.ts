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

const TRIVIAL_PATTERNS = [
  /^merge\b/i, // "Merge branch 'x'", "Merge pull request #1 from ..."
  /^(?:fixup|squash|amend)!/i,
  /^revert\s+"merge\b/i,
  /^(?:bump|release|version|v)\s*v?\d+(?:\.\d+)*\S*$/i, // "v1.2.3", "bump 1.2", "release 2.0"
  /^(?:\W|\d)*$/, // punctuation, emoji-free noise and numbers only
];

export function isTrivialText(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/[.!]+$/, "");
  if (t === "") return true;
  if (TRIVIAL_EXACT.has(t)) return true;
  return TRIVIAL_PATTERNS.some((p) => p.test(t));
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === "" ? 0 : words.length;
}
