// When GitHub refuses a diff (406 too_large: past 300 files or 20,000 lines), the files
// API still lists each file with its `patch` (hunks only). We rebuild the `diff --git`
// headers git needs around each patch, so the result `git apply`s like the real diff.
// https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files
import type { DropReason } from "../records.js";
import type { ApiDiffEntry } from "./api-types.js";
import { quoteGitPath } from "./git-quote.js";

export interface RebuiltDiff {
  text: string;
  /** Files GitHub sent without a patch: binary, or too big to show. */
  dropped: { path: string; reason: DropReason }[];
}

/** The blob id of an empty file: an added or removed file without a patch may be one. */
const EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

function section(entry: ApiDiffEntry): string | undefined {
  const path = entry.filename;
  const oldPath = entry.previous_filename ?? path;
  const a = (p: string) => quoteGitPath(`a/${p}`);
  const b = (p: string) => quoteGitPath(`b/${p}`);
  const patch = entry.patch === undefined || entry.patch === "" ? undefined : entry.patch;
  // Without a patch (an empty file, a pure rename) git wants the header alone, no ---/+++.
  const hunks = (from: string, to: string) =>
    patch === undefined ? "" : `--- ${from}\n+++ ${to}\n${patch.endsWith("\n") ? patch : `${patch}\n`}`;
  switch (entry.status) {
    case "added":
      return `diff --git ${a(path)} ${b(path)}\nnew file mode 100644\n${hunks("/dev/null", b(path))}`;
    case "removed":
      return `diff --git ${a(path)} ${b(path)}\ndeleted file mode 100644\n${hunks(a(path), "/dev/null")}`;
    case "renamed":
    case "copied": {
      const verb = entry.status === "renamed" ? "rename" : "copy";
      const header = `diff --git ${a(oldPath)} ${b(path)}\n${verb} from ${quoteGitPath(oldPath)}\n${verb} to ${quoteGitPath(path)}\n`;
      return header + hunks(a(oldPath), b(path));
    }
    default:
      // modified, changed (mode only: nothing we can show), unchanged
      return patch === undefined ? undefined : `diff --git ${a(path)} ${b(path)}\n${hunks(a(path), b(path))}`;
  }
}

/** Rebuild one unified diff from files-API entries. */
export function diffTextFromFiles(entries: Iterable<ApiDiffEntry>): RebuiltDiff {
  const parts: string[] = [];
  const dropped: RebuiltDiff["dropped"] = [];
  for (const entry of entries) {
    const hasPatch = entry.patch !== undefined && entry.patch !== "";
    if (!hasPatch) {
      // A pure rename or an empty file needs no patch, and a mode change has nothing to
      // show; anything else without a patch is binary or too large for GitHub to show.
      const pureRename = (entry.status === "renamed" || entry.status === "copied") && entry.changes === 0;
      if (entry.status === "changed" || entry.status === "unchanged") continue;
      if (!pureRename && entry.sha !== EMPTY_BLOB) {
        dropped.push({ path: entry.filename, reason: "binary" });
        continue;
      }
    }
    const text = section(entry);
    if (text !== undefined) parts.push(text);
  }
  return { text: parts.join(""), dropped };
}
