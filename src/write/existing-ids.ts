// The meta.id of every record already in an output file, for --append. Streams the file:
// only the ids are kept.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export async function readExistingIds(path: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let input;
  try {
    input = createReadStream(path, { encoding: "utf8" });
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      const id = idOf(line);
      if (id) ids.add(id);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return ids;
    throw error;
  }
  return ids;
}

function idOf(line: string): string | undefined {
  if (line.trim() === "") return undefined;
  try {
    const value = JSON.parse(line) as { meta?: { id?: unknown } };
    return typeof value.meta?.id === "string" ? value.meta.id : undefined;
  } catch {
    return undefined; // not ours to judge here: `validate` reports broken lines
  }
}
