// The --state file: per source, what was harvested last time, so that a scheduled run
// asks only for what is new. Written atomically, and only after the output was.
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { UsageError } from "../errors.js";

export const SourceStateSchema = z.object({
  /**
   * Local git: every tip the last run walked (the commit each --rev resolved to); the next
   * run excludes what any of them reaches.
   */
  tips: z.array(z.string().regex(/^[0-9a-f]{40,64}$/, "expected commit shas")).optional(),
  /** Local git, files written before `tips`: the one newest commit harvested. Read, no longer written. */
  lastSha: z.string().optional(),
  /**
   * GitHub: per source kind, the newest updated_at seen, advanced only after a successful
   * write. Per kind because the kinds are listed one after another: one shared mark could
   * pass over an issue updated while the pull requests were being listed.
   */
  watermarks: z.record(z.string(), z.string()).optional(),
  /** GitHub: ETags of list requests (URL -> ETag) for conditional requests. */
  etags: z.record(z.string(), z.string()).optional(),
  /**
   * The options that decided what the last run left out (flag -> value): a later run with
   * other ones is told that what those left out is not read again.
   */
  selection: z.record(z.string(), z.string()).optional(),
});
export type SourceState = z.infer<typeof SourceStateSchema>;

export const StateFileSchema = z.object({
  version: z.literal(1),
  sources: z.record(z.string(), SourceStateSchema),
});
export type StateFile = z.infer<typeof StateFileSchema>;

/** The commits a local repository's last run walked, from either shape of its entry. */
export function walkedTips(source: SourceState | undefined): string[] {
  if (source?.tips) return source.tips;
  return source?.lastSha ? [source.lastSha] : [];
}

/** The entry with these tips, in the current shape (an old lastSha is dropped). */
export function withWalkedTips(source: SourceState | undefined, tips: readonly string[]): SourceState {
  const { lastSha: _old, ...rest } = source ?? {};
  return { ...rest, tips: [...tips] };
}

/**
 * What differs between the options an entry was harvested with and this run's, as flags:
 * `--max-diff-lines 20 (now 1000)`. Empty when they are the same, or the entry predates them.
 */
export function changedSelection(saved: SourceState | undefined, now: Readonly<Record<string, string>>): string[] {
  const before = saved?.selection;
  if (!before) return [];
  const flags = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  return flags
    .filter((flag) => before[flag] !== now[flag])
    .map((flag) => `${flag} ${before[flag] ?? "not given"} (now ${now[flag] ?? "not given"})`);
}

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
