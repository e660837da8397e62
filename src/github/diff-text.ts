// A unified diff as GitHub sends it (`diff --git` sections) turned into a filtered Diff.
// The input is bytes: a file whose lines are not UTF-8 is dropped like a binary one,
// so that the text we keep is always valid UTF-8 and still `git apply`s.
import { isUtf8 } from "node:buffer";
import type { DiffFilter } from "../diff/filter.js";
import { SectionContent } from "../diff/section-content.js";
import type { Diff, DiffFile, DropReason } from "../records.js";
import { pathsOfDiffGitLine, unquoteGitPath } from "./git-quote.js";

export interface DiffTextOptions {
  filter: DiffFilter;
  /** A diff longer than this many lines, after filtering, is kept only as counts. */
  maxDiffLines: number;
  /** A diff of more UTF-8 bytes than this, after filtering, is kept only as counts. */
  maxDiffBytes: number;
}

const HEADER = Buffer.from("diff --git ");
const utf8 = new TextDecoder("utf-8");

/** Byte offsets where a `diff --git ` line starts. */
function sectionStarts(bytes: Uint8Array): number[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts: number[] = [];
  let at = buffer.indexOf(HEADER);
  while (at !== -1) {
    if (at === 0 || buffer[at - 1] === 0x0a) starts.push(at);
    at = buffer.indexOf(HEADER, at + 1);
  }
  return starts;
}

interface Section {
  file: DiffFile;
  binary: boolean;
}

function headerPath(line: string, prefix: string): string | undefined {
  const raw = line.slice(prefix.length).replace(/\t$/, "");
  if (raw === "/dev/null") return undefined;
  return unquoteGitPath(raw).replace(/^[ab]\//, "");
}

/** Read one `diff --git` section: its paths, status, counts, and whether it is binary. */
export function parseSection(text: string): Section {
  const lines = text.split("\n");
  const fromGitLine = pathsOfDiffGitLine(lines[0] ?? "");
  let oldPath = fromGitLine?.oldPath;
  let path = fromGitLine?.newPath;
  let status: DiffFile["status"] = "modified";
  let binary = false;
  let additions = 0;
  let deletions = 0;
  let inHunks = false;
  for (const line of lines.slice(1)) {
    if (inHunks) {
      if (line.startsWith("+")) additions += 1;
      else if (line.startsWith("-")) deletions += 1;
      continue;
    }
    if (line.startsWith("@@")) inHunks = true;
    else if (line.startsWith("new file mode")) status = "added";
    else if (line.startsWith("deleted file mode")) status = "deleted";
    else if (line.startsWith("rename from ")) (status = "renamed"), (oldPath = unquoteGitPath(line.slice(12)));
    else if (line.startsWith("rename to ")) path = unquoteGitPath(line.slice(10));
    else if (line.startsWith("copy from ")) (status = "copied"), (oldPath = unquoteGitPath(line.slice(10)));
    else if (line.startsWith("copy to ")) path = unquoteGitPath(line.slice(8));
    else if (line.startsWith("--- ")) oldPath = headerPath(line, "--- ") ?? oldPath;
    else if (line.startsWith("+++ ")) path = headerPath(line, "+++ ") ?? path;
    else if (line.startsWith("Binary files ") || line.startsWith("GIT binary patch")) binary = true;
  }
  const resolved = path ?? oldPath ?? "";
  const file: DiffFile = { path: resolved, status, additions, deletions };
  if ((status === "renamed" || status === "copied") && oldPath !== undefined) file.oldPath = oldPath;
  return { file, binary };
}

/** What a section's hunks show of its file. */
function read(path: string, section: Uint8Array): SectionContent {
  const content = new SectionContent(path);
  content.push(section);
  content.end();
  return content;
}

const countLines = (text: string) => text.split("\n").length - 1;

/** Parse, filter and size a unified diff. */
export function diffFromText(input: Uint8Array | string, options: DiffTextOptions): Diff {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const starts = sectionStarts(bytes);
  const kept: string[] = [];
  const files: DiffFile[] = [];
  const dropped: { path: string; reason: DropReason }[] = [];
  let lines = 0;
  let size = 0;
  const fits = () => lines <= options.maxDiffLines && size <= options.maxDiffBytes;
  starts.forEach((start, index) => {
    const chunk = bytes.subarray(start, starts[index + 1] ?? bytes.length);
    // Judged in the local-git parser's order: filtered, then binary, then non-UTF-8.
    const text = utf8.decode(chunk);
    const { file, binary } = parseSection(text);
    if (!options.filter(file.path)) dropped.push({ path: file.path, reason: "filtered" });
    else if (binary) dropped.push({ path: file.path, reason: "binary" });
    else if (!isUtf8(chunk)) dropped.push({ path: file.path, reason: "non-utf8" });
    else {
      const content = read(file.path, chunk);
      if (options.filter.judgesContent && content.machineWritten) {
        dropped.push({ path: file.path, reason: "filtered" });
        return;
      }
      files.push(content.shebang === undefined ? file : { ...file, shebang: content.shebang });
      const section = text.endsWith("\n") ? text : `${text}\n`;
      lines += countLines(section);
      size += chunk.length + (section === text ? 0 : 1);
      // Past a limit the text is only counted: the record will be skipped anyway.
      if (fits()) kept.push(section);
    }
  });
  const tooLarge = !fits();
  return { text: tooLarge ? "" : kept.join(""), lines, bytes: size, files, dropped, tooLarge };
}
