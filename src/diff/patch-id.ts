// A change's identity whatever commit carries it, as `git patch-id --stable` computes it:
// the diff's file names and its hunks' lines, context included, with whitespace and line
// numbers ignored, so a cherry-pick or a backport of a commit that applies where the commit
// did has the same id as the commit. The context is part of it, as it is of git's: without
// it, two commits that add the same line in two places of one file (a retry in load(), then
// in save()) had one id, and the second was dropped as a cherry-pick of the first.
import { createHash } from "node:crypto";

export function patchId(diffText: string): string {
  const kept: string[] = [];
  for (const line of diffText.split("\n")) {
    const sign = line[0];
    if (sign === "+" || sign === "-") {
      if (line.startsWith("+++ ") || line.startsWith("--- ")) continue; // named by the diff --git line
    } else if (sign !== " " && !line.startsWith("diff --git ")) continue; // hunk headers, index and mode lines
    kept.push(line);
  }
  // Whitespace out of the kept lines at once (a context line's leading space with it, as git
  // does), and one update of the hash: a replace and an update a line cost more than the rest.
  return createHash("sha1").update(kept.join("\n").replace(WHITESPACE, "")).digest("hex");
}

const WHITESPACE = /[ \t\r\f\v]+/g;
