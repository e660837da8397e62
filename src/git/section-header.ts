// What one file section of a git patch is about, read from its header lines: the
// `diff --git` line, the extended headers (rename from/to, new file mode, ...) and the
// `---`/`+++` or `Binary files ... differ` lines. Format:
// https://git-scm.com/docs/diff-format#generate_patch_text_with_p
import type { DiffFile } from "../records.js";
import { readQuoted, unquotePath } from "./text.js";

export interface SectionInfo {
  /** The file's path after the change (before it, for a deletion). */
  path: string;
  /** The path before a rename or copy. */
  oldPath?: string;
  status: DiffFile["status"];
  /** Git printed "Binary files ... differ" (or a binary patch) instead of hunks. */
  binary: boolean;
}

/** `lines`: the header lines of one section, without their line feeds, the `diff --git` line first. */
export function parseSectionHeader(lines: readonly string[]): SectionInfo {
  const fromGitLine = parseDiffGitLine(lines[0] ?? "");
  let status: DiffFile["status"] = "modified";
  let binary = false;
  let renameFrom: string | undefined;
  let renameTo: string | undefined;
  let minus: string | undefined;
  let plus: string | undefined;
  for (const line of lines.slice(1)) {
    if (line.startsWith("rename from ")) {
      renameFrom = unquotePath(line.slice(12));
      status = "renamed";
    } else if (line.startsWith("rename to ")) {
      renameTo = unquotePath(line.slice(10));
      status = "renamed";
    } else if (line.startsWith("copy from ")) {
      renameFrom = unquotePath(line.slice(10));
      status = "copied";
    } else if (line.startsWith("copy to ")) {
      renameTo = unquotePath(line.slice(8));
      status = "copied";
    } else if (line.startsWith("new file mode ")) {
      status = "added";
    } else if (line.startsWith("deleted file mode ")) {
      status = "deleted";
    } else if (line.startsWith("Binary files ") || line === "GIT binary patch") {
      binary = true;
    } else if (line.startsWith("--- ")) {
      minus = fileHeaderPath(line.slice(4), "a/");
    } else if (line.startsWith("+++ ")) {
      plus = fileHeaderPath(line.slice(4), "b/");
    }
  }
  const oldPath = renameFrom ?? minus ?? fromGitLine?.a ?? "";
  const newPath = renameTo ?? plus ?? fromGitLine?.b ?? oldPath;
  if (status === "deleted") return { path: oldPath, status, binary };
  if (status === "renamed" || status === "copied") return { path: newPath, oldPath, status, binary };
  return { path: newPath, status, binary };
}

/**
 * `--- a/name` / `+++ b/name`: git appends a tab to a name holding a space (for GNU patch)
 * and prints /dev/null for the missing side, which tells nothing about the path.
 */
function fileHeaderPath(rest: string, prefix: string): string | undefined {
  const name = rest.startsWith('"') ? unquotePath(rest) : rest.replace(/\t$/, "");
  if (name === "/dev/null") return undefined;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/**
 * `diff --git a/X b/Y`. Either name may be C-quoted. Unquoted names with spaces are
 * ambiguous, but then both names are equal (a rename or copy always brings its own
 * `rename from/to` lines), so the line splits in two equal halves.
 */
export function parseDiffGitLine(line: string): { a: string; b: string } | undefined {
  if (!line.startsWith("diff --git ")) return undefined;
  const rest = line.slice(11);
  let a: string;
  let bPart: string;
  if (rest.startsWith('"')) {
    const quoted = readQuoted(rest, 0);
    if (!quoted || rest[quoted.end] !== " ") return undefined;
    a = quoted.value;
    bPart = rest.slice(quoted.end + 1);
  } else {
    const quotedB = rest.indexOf(' "');
    if (quotedB >= 0 && rest.endsWith('"')) {
      a = rest.slice(0, quotedB);
      bPart = rest.slice(quotedB + 1);
    } else {
      const half = (rest.length - 1) / 2;
      if (!Number.isInteger(half)) return undefined;
      a = rest.slice(0, half);
      bPart = rest.slice(half + 1);
      if (a.slice(2) !== bPart.slice(2)) return undefined;
    }
  }
  const b = unquotePath(bPart);
  if (!a.startsWith("a/") || !b.startsWith("b/")) return undefined;
  return { a: a.slice(2), b: b.slice(2) };
}
