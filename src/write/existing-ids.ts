// What an output file already holds, for --append: every record's meta.id, and the hash of
// every record's content (what `validate` compares for `duplicate`), so that neither the same
// item nor the same text harvested again under another id (a clone in another folder, a
// renamed repository) is written twice. Streams the file: only ids and 16-byte hashes are
// kept, and the shape of its first record.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { detectFormat, type Format } from "../format-keys.js";
import { DuplicateSet, recordIdentity } from "../validate/index.js";

export interface ExistingOutput {
  ids: Set<string>;
  /** The content of each record, as `validate`'s duplicate check sees it. */
  contents: DuplicateSet;
  /** The format of the file's first record; undefined for an empty or missing file. */
  format?: Format;
}

export async function readExistingIds(path: string): Promise<Set<string>> {
  return (await readExistingOutput(path)).ids;
}

export async function readExistingOutput(path: string): Promise<ExistingOutput> {
  const existing: ExistingOutput = { ids: new Set(), contents: new DuplicateSet() };
  const { ids, contents } = existing;
  let line = 0;
  let input;
  try {
    input = createReadStream(path, { encoding: "utf8" });
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const text of lines) {
      line++;
      const value = parse(text);
      const format = detectFormat(value);
      existing.format ??= format;
      const id = value?.meta?.id;
      if (typeof id === "string") ids.add(id);
      const identity = format ? recordIdentity(value as Record<string, unknown>, format) : [];
      if (identity.length > 0) contents.add(identity, line);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return existing;
    throw error;
  }
  return existing;
}

function parse(line: string): { meta?: { id?: unknown } } | undefined {
  if (line.trim() === "") return undefined;
  try {
    return JSON.parse(line) as { meta?: { id?: unknown } };
  } catch {
    return undefined; // not ours to judge here: `validate` reports broken lines
  }
}
