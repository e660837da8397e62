// A folder given where JSONL files are expected (merge, validate) stands for the *.jsonl
// files under it, at any depth, in a stable order: the shards of a fanned-out harvest, or a
// dataset's train/ and valid/ splits.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "./errors.js";

/**
 * One file argument as files: itself, or for a folder the *.jsonl files under it. What cannot
 * be read is left to the caller's open, which says why.
 */
export async function jsonlFilesOf(arg: string): Promise<string[]> {
  const info = await stat(arg).catch(() => undefined);
  if (!info?.isDirectory()) return [arg];
  const files = await jsonlFilesUnder(arg);
  if (files.length === 0) throw new UsageError(`cannot read ${arg}: it is a folder with no .jsonl file under it`);
  return files;
}

/** The *.jsonl files under `dir`, sorted by path (code units, as `ls` in the C locale). */
export async function jsonlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".jsonl"))
    .map((e) => join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
