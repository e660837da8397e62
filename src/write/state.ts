// The --state file: per source, what was harvested last time, so that a scheduled run
// asks only for what is new. Written atomically, and only after the output was.
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { UsageError } from "../errors.js";

export const SourceStateSchema = z.object({
  /** Local git: the newest commit harvested; the next run walks lastSha..rev. */
  lastSha: z.string().optional(),
  /**
   * GitHub: per source kind, the newest updated_at seen, advanced only after a successful
   * write. Per kind because the kinds are listed one after another: one shared mark could
   * pass over an issue updated while the pull requests were being listed.
   */
  watermarks: z.record(z.string(), z.string()).optional(),
  /** GitHub: ETags of list requests (URL -> ETag) for conditional requests. */
  etags: z.record(z.string(), z.string()).optional(),
});
export type SourceState = z.infer<typeof SourceStateSchema>;

export const StateFileSchema = z.object({
  version: z.literal(1),
  sources: z.record(z.string(), SourceStateSchema),
});
export type StateFile = z.infer<typeof StateFileSchema>;

export async function loadState(path: string): Promise<StateFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, sources: {} };
    throw new UsageError(`${path}: cannot read the state file (${(error as NodeJS.ErrnoException).code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${path}: the state file is not JSON; delete it to start over`);
  }
  const parsed = StateFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`${path}: not a gh-harvest state file (${parsed.error.issues[0]?.message}); delete it to start over`);
  }
  return parsed.data;
}

export async function saveState(path: string, state: StateFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temp, path);
}
