// A change's identity whatever commit carries it, as `git patch-id --stable` computes it:
// the diff's file names and its hunks' lines, context included, with whitespace and line
// numbers ignored, so a cherry-pick or a backport of a commit that applies where the commit
// did has the same id as the commit. The context is part of it, as it is of git's: without
// it, two commits that add the same line in two places of one file (a retry in load(), then
// in save()) had one id, and the second was dropped as a cherry-pick of the first.
import { createHash } from "node:crypto";

export function patchId(diffText: string): string {
  const hash = createHash("sha1");
  for (const line of diffText.split("\n")) {
    if (line.startsWith("diff --git ")) {
      hash.update(`${line}\n`);
      continue;
    }
    const sign = line[0];
    if (sign !== "+" && sign !== "-" && sign !== " ") continue; // hunk headers, index and mode lines
    if (line.startsWith("+++ ") || line.startsWith("--- ")) continue; // named by the diff --git line
    hash.update(sign + line.slice(1).replace(/\s+/g, ""));
    hash.update("\n");
  }
  return hash.digest("hex");
}
