// GitHub's files API, imitated from a real git history: one entry per changed file with
// the `patch` (hunks only, no headers) GitHub would send, and no patch for binary files.
import type { TempRepo } from "../helpers/git-repo.js";
import { diffEntryFixture } from "../helpers/github-mock.js";

const STATUS: Record<string, string> = { A: "added", D: "removed", M: "modified", R: "renamed", C: "copied", T: "changed" };

export async function diffEntriesFromGit(repo: TempRepo, from: string, to: string): Promise<Record<string, any>[]> {
  const raw = await repo.git(["diff", "--name-status", "-z", "-M", from, to]);
  const fields = raw.split("\0").filter(Boolean);
  const entries: Record<string, any>[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = (fields[i] ?? "").slice(0, 1);
    const renamed = code === "R" || code === "C";
    const oldPath = fields[i + 1] as string;
    const path = renamed ? (fields[i + 2] as string) : oldPath;
    i += renamed ? 3 : 2;
    const section = await repo.git(["diff", "-M", from, to, "--", ...(renamed ? [oldPath, path] : [path])]);
    const hunkAt = section.indexOf("\n@@");
    const patch = hunkAt === -1 ? undefined : section.slice(hunkAt + 1);
    const lines = patch?.split("\n") ?? [];
    const blobAt = code === "D" ? `${from}:${oldPath}` : `${to}:${path}`;
    const blob = await repo.git(["rev-parse", blobAt]);
    entries.push(
      diffEntryFixture({
        filename: path,
        status: STATUS[code] ?? "modified",
        ...(patch === undefined ? {} : { patch }),
        ...(renamed ? { previous_filename: oldPath } : {}),
        additions: lines.filter((l) => l.startsWith("+")).length,
        deletions: lines.filter((l) => l.startsWith("-")).length,
        ...(blob ? { sha: blob } : {}),
      }),
    );
  }
  return entries;
}
