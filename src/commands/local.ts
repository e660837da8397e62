// `gh-harvest local <path...>`: the commits of local clones, one repository after another.
import { localCommits, type LocalCommitsExtractor } from "../../extractors/commits.js";
import { createGitClient } from "../git/client.js";
import type { RunSummary } from "../pipeline.js";
import type { SourceRecord } from "../records.js";
import { loadState, saveState } from "../write/state.js";
import { harvest, type HarvestOptions } from "./harvest.js";
import { createHarvestDeps, type CommandContext } from "./harvest-deps.js";
import type { ExtractContext } from "../extractor.js";

export interface LocalOptions extends HarvestOptions {
  revs: string[];
  state?: string;
  redactPatterns: RegExp[];
}

export async function runLocal(paths: readonly string[], options: LocalOptions, ctx: CommandContext): Promise<RunSummary> {
  const git = createGitClient();
  const state = options.state ? await loadState(options.state) : undefined;
  const repos = await Promise.all(
    paths.map(async (path) => {
      const repository = await git.open(path);
      const key = `git:${repository.root}`;
      const lastSha = state?.sources[key]?.lastSha;
      const extractor = localCommits({ path, revs: options.revs, stateSince: lastSha, git });
      return { key, extractor };
    }),
  );
  // Read before the walk starts, so commits made during the run are not skipped next time.
  const watermarks = await Promise.all(repos.map((r) => r.extractor.watermark()));
  const deps = createHarvestDeps(ctx, options);
  try {
    return await harvest(
      {
        produces: ["commit"],
        records: (ectx) => chain(repos.map((r) => r.extractor), ectx),
        stateFile: options.state,
        async afterWrite(summary) {
          // A run cut short by --limit has not seen every commit up to the watermark.
          if (!options.state || !state || summary.limitReached || summary.readerClosed) return;
          repos.forEach((r, i) => {
            const sha = watermarks[i];
            if (sha) state.sources[r.key] = { ...state.sources[r.key], lastSha: sha };
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
