// `gh-harvest local <path...>`: the commits of local clones, one repository after another.
import { localCommits, type LocalCommitsExtractor } from "../../extractors/commits.js";
import { createGitClient } from "../git/client.js";
import type { RunSummary } from "../pipeline.js";
import type { SourceRecord } from "../records.js";
import { loadState, saveState, walkedTips, withWalkedTips } from "../write/state.js";
import { harvest, selectionOf, warnOnChangedSelection, type HarvestOptions } from "./harvest.js";
import { createHarvestDeps, type CommandContext } from "./harvest-deps.js";
import type { ExtractContext } from "../extractor.js";

export interface LocalOptions extends HarvestOptions {
  revs: string[];
  state?: string;
  redactPatterns: RegExp[];
}

export async function runLocal(paths: readonly string[], options: LocalOptions, ctx: CommandContext): Promise<RunSummary> {
  const git = createGitClient();
  const deps = createHarvestDeps(ctx, options);
  try {
    const state = options.state ? await loadState(options.state) : undefined;
    const repos = await Promise.all(
      paths.map(async (path) => {
        const repository = await git.open(path);
        const key = `git:${repository.root}`;
        if (options.state) warnOnChangedSelection(options.state, repository.root, state?.sources[key], options, deps.log);
        const extractor = localCommits({
          path,
          revs: options.revs,
          stateSince: walkedTips(state?.sources[key]),
          // A force-push and a gc, or a fresh clone, took it away: what it covered is read
          // again (--append skips records already in the output) rather than failing the run.
          onMissingStateSha: (sha, repo, othersLeft) =>
            deps.log.warn(
              `${options.state}: commit ${sha.slice(0, 7)} is no longer in ${repo.root} (force-push?); ` +
                (othersLeft ? "harvesting again the commits only it covered" : `harvesting ${repo.name} from the start`),
            ),
          onEmptyRepository: (repo) => deps.log.warn(`${repo.root}: the repository has no commits yet; nothing to harvest from it`),
          git,
        });
        return { key, extractor };
      }),
    );
    // Read before the walk starts, so commits made during the run are not skipped next time.
    const tips = await Promise.all(repos.map((r) => r.extractor.tips()));
    return await harvest(
      {
        produces: ["commit"],
        records: (ectx) => chain(repos.map((r) => r.extractor), ectx),
        stateFile: options.state,
        skipped: () => sumCounts(repos.map((r) => r.extractor.skipped())),
        async afterWrite(summary) {
          // A run cut short by --limit has not seen every commit up to the tips.
          if (!options.state || !state || summary.limitReached || summary.readerClosed) return;
          repos.forEach((r, i) => {
            if (tips[i]!.length > 0) state.sources[r.key] = { ...withWalkedTips(state.sources[r.key], tips[i]!), selection: selectionOf(options) };
          });
          await saveState(options.state, state);
        },
      },
      options,
      deps,
    );
  } finally {
    deps.finish();
  }
}

async function* chain(extractors: readonly LocalCommitsExtractor[], ctx: ExtractContext): AsyncIterable<SourceRecord> {
  for (const extractor of extractors) yield* extractor.extract(ctx);
}

function sumCounts(counts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of counts) for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  return total;
}
