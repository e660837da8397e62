// A folder given where JSONL files are expected (merge, validate, stats) stands for the
// *.jsonl (and *.jsonl.gz) files under it, at any depth, in a stable order: the shards of a
// fanned-out harvest, or a dataset's train/ and valid/ splits. A file named twice (or also through its
// folder) is read once: checked twice, every line of it would be its own duplicate.
import type { Dirent } from "node:fs";
import { open, readdir, realpath, stat, type FileHandle } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { UsageError } from "./errors.js";
import { fileLineBlocks, streamLineBlocks, type LineBlock } from "./validate/line-blocks.js";

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

/** The one way every dataset command says a file cannot be read: `cannot read FILE: why`. */
export function cannotRead(file: string, error: unknown): UsageError {
  return new UsageError(`cannot read ${file}: ${reasonOf(error)}`);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  if (code === "EIO") return "an input/output error (EIO)";
  if (code?.startsWith("Z_")) return `not a whole gzip file (${(error as Error).message})`;
  return code ?? String(error);
}

/** Open a dataset file for reading, or fail with cannotRead. */
export async function openDataset(file: string): Promise<FileHandle> {
  return open(file, "r").catch((error: unknown) => {
    throw cannotRead(file, error);
  });
}

/**
 * A dataset file's lines, as blocks: a compressed one (train.jsonl.gz) through gunzip, as a
 * stream. A file that fails while it is read (EIO, a truncated gzip) is named like one that
 * cannot be opened.
 */
export async function datasetBlocks(file: string, handle: FileHandle): Promise<AsyncIterable<LineBlock>> {
  const blocks = (await isGzip(file, handle)) ? streamLineBlocks(handle.createReadStream({ start: 0, autoClose: false }).pipe(createGunzip())) : fileLineBlocks(handle);
  return readErrorsNamed(file, blocks);
}

/** A file as text, for line readers: through gunzip when it is compressed. */
export async function datasetStream(file: string): Promise<NodeJS.ReadableStream> {
  const handle = await openDataset(file);
  const gzip = await isGzip(file, handle).catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  const stream = handle.createReadStream({ start: 0 });
  return gzip ? stream.pipe(createGunzip()) : stream;
}

/** Whether the file starts with gzip's magic number; a file that cannot be read is named. */
async function isGzip(file: string, handle: FileHandle): Promise<boolean> {
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0).catch((error: unknown) => {
    throw cannotRead(file, error);
  });
  return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** A file that fails while it is read (EIO, a truncated gzip) is named like one that cannot be opened. */
export async function* readErrorsNamed<T>(file: string, blocks: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* blocks;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^(?:E[A-Z]+|Z_[A-Z_]+)$/.test(code)) throw cannotRead(file, error);
    throw error;
  }
}

/** Every argument's files (jsonlFilesOf), each file once, in the order first named. */
export async function jsonlFilesOfAll(args: readonly string[]): Promise<string[]> {
  const firstTime = firstSight();
  const files: string[] = [];
  for (const arg of args) for (const file of await jsonlFilesOf(arg)) if (await firstTime(file)) files.push(file);
  return files;
}

/** A filter that passes each file once, however it is named (another path, a symlink). */
export function firstSight(): (file: string) => Promise<boolean> {
  const seen = new Set<string>();
  return async (file) => {
    const key = await realpath(file).catch(() => resolve(file));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** The *.jsonl files under `dir`, sorted by path (code units, as `ls` in the C locale). */
export async function jsonlFilesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  const folders = [dir];
  // Symbolic links are followed (a Hugging Face snapshot, git-annex and DVC link every file
  // into a store); each folder is walked once, so a link to a parent does not loop.
  const walked = new Set<string>();
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const real = await realpath(folder).catch(() => resolve(folder!));
    if (walked.has(real)) continue;
    walked.add(real);
    // One folder at a time, so that one we may not read is named (readdir's recursive mode
    // fails with a bare EACCES).
    const entries: Dirent[] = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      throw new UsageError(`cannot read the folder ${folder}: ${reasonOf(error)}`);
    });
    for (const e of entries) {
      const path = join(folder, e.name);
      // A link's target decides; a broken link is left to open, which says why it cannot be read.
      const target = e.isSymbolicLink() ? await stat(path).catch(() => undefined) : e;
      if (target?.isDirectory()) folders.push(path);
      else if ((target?.isFile() || (e.isSymbolicLink() && !target)) && /\.jsonl(?:\.gz)?$/.test(e.name)) files.push(path);
    }
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
