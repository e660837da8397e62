// The meta.id of every record already in an output file, for --append. Streams the file:
// only the ids are kept, and the shape of its first record.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { detectFormat, type Format } from "../format-keys.js";

export interface ExistingOutput {
  ids: Set<string>;
  /** The format of the file's first record; undefined for an empty or missing file. */
  format?: Format;
}

export async function readExistingIds(path: string): Promise<Set<string>> {
  return (await readExistingOutput(path)).ids;
}

export async function readExistingOutput(path: string): Promise<ExistingOutput> {
  const existing: ExistingOutput = { ids: new Set() };
  const { ids } = existing;
  let input;
  try {
    input = createReadStream(path, { encoding: "utf8" });
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      const value = parse(line);
      existing.format ??= detectFormat(value);
      const id = value?.meta?.id;
      if (typeof id === "string") ids.add(id);
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
