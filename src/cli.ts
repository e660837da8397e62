#!/usr/bin/env node
// The commander program: parses flags into options, calls the command, and maps errors
// to exit codes (2 for what the user must fix, 1 for a failed run), one line on stderr.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import type * as CliOptions from "./cli-options.js";
import { exitCodeOf, UsageError } from "./errors.js";
import { packageVersion } from "./package-info.js";
import type { HarvestOptions } from "./commands/harvest.js";
import { HARVEST_DEFAULTS } from "./harvest-defaults.js";
import type { SecretPolicy } from "./pipeline.js";
import { asString, collect, format, positiveInt, regex, wholeNumber } from "./cli-values.js";

// The harvesting commands' parsers load curate, pipeline and zod (about 0.3 s): only when
// such a command runs (the preSubcommand hook below), not for `validate` or --help.
let heavyParsers: typeof CliOptions | undefined;
const later =
  <K extends "fraction" | "isoDate" | "languageList" | "matchPattern" | "repoLicense" | "secretPolicy">(name: K) =>
  (value: string): ReturnType<(typeof CliOptions)[K]> => {
    if (!heavyParsers) throw new Error(`cli: ${name} used before src/cli-options.js was loaded`);
    return heavyParsers[name](value) as ReturnType<(typeof CliOptions)[K]>;
  };
const fraction = later("fraction");
const isoDate = later("isoDate");
const languageList = later("languageList");
const matchPattern = later("matchPattern");
const repoLicense = later("repoLicense");
const secretPolicy = later("secretPolicy");

export interface CliIO {
  stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

/** Options every harvesting command takes, as commander hands them over. */
type RawHarvestOptions = Omit<HarvestOptions, "pseudonymize"> & {
  state?: string;
  redactPattern: RegExp[];
  pseudonymize: boolean;
  pseudonymizeSalt?: string;
};

interface ValidateCliOptions {
  format?: HarvestOptions["format"];
  json: boolean;
  strict: boolean;
  ignore: string[];
  maxTokens: number;
  tokenizer: "approx" | "o200k" | "cl100k";
  jobs?: number;
  redactPattern: RegExp[];
}

/** pr, repo and repos read the same API. */
function apiUrlOption(): Option {
  return new Option("--api-url <url>", "the REST API root (default: GITHUB_API_URL, else https://api.github.com)").argParser(asString);
}

/** A repeatable text option whose empty default stands for something --help should name. */
function repeatable<T = string>(flags: string, description: string, shownDefault = "none", parse: (v: string) => T = asString as (v: string) => T): Option {
  return new Option(flags, description).argParser(collect(parse)).default([], shownDefault);
}

function addHarvestOptions(command: Command): Command {
  return command
    .option("-o, --out <file>", "where the JSONL goes; - is stdout", asString, "-")
    .addOption(repeatable("-m, --mapping <name-or-file>", "a built-in rule by name, or a rule file (repeatable; replaces the default)", "the built-in rules of the command's sources"))
    .addOption(new Option("--format <format>", "record shape").choices(["alpaca", "openai", "sharegpt"]).default(HARVEST_DEFAULTS.format).argParser(format))
    .option("--rejects <file>", "write each record that failed validation, with its reasons; - is stdout", asString)
    .option("--limit <n>", "stop after n records written", positiveInt)
    .option("--since <date>", "only items created (commits: committed) at or after this ISO date", isoDate)
    .addOption(repeatable("--include <glob>", "keep only files of a diff matching the .gitignore-style pattern (repeatable; lifts the default exclusions)", "every file but lockfiles, vendored, minified and generated ones"))
    .addOption(repeatable("--exclude <glob>", "drop files of a diff matching the .gitignore-style pattern (repeatable)", "lockfiles, vendored, minified and generated files"))
    .option("--max-diff-lines <n>", "skip an item whose diff is longer, after file filters", positiveInt, HARVEST_DEFAULTS.maxDiffLines)
    .option("--max-diff-bytes <n>", "skip an item whose diff holds more UTF-8 bytes, after file filters: catches the one-line files (SVG, data.json) a line count lets through; the default is 1000 lines of about 100 characters", positiveInt, HARVEST_DEFAULTS.maxDiffBytes)
    .option("--append", "add to an existing --out file, skipping records it already holds (same id or same content)", false)
    .option("--state <file>", "remember what was harvested, so the next run only reads what is new", asString)
    .option("--include-bots", "keep items by bots (dependabot, renovate, [bot] accounts)", false)
    .addOption(
      new Option("--on-secret <policy>", "what to do with a record holding a credential")
        .choices(["redact", "drop", "fail"])
        .default(HARVEST_DEFAULTS.onSecret)
        .argParser(secretPolicy),
    )
    .addOption(repeatable("--redact-pattern <regex>", "also redact text matching this pattern (repeatable)", "none", regex))
    .option("--match <regex>", "keep records whose instruction, input or output matches (smart case)", matchPattern)
    .option("--languages <list>", "keep records whose diff touches one of these languages, e.g. python,rust,typescript", languageList)
    .addOption(new Option("--balance <key>", "with --limit: an even mix across languages, repositories or rules").choices(["language", "repo", "mapping"]))
    .option("--seed <n>", "seed of --balance's sampling, for a reproducible mix", (v) => wholeNumber(v), 1)
    .addOption(new Option("--dedup <level>", "exact (always) or near: also drop near-duplicates (MinHash)").choices(["exact", "near"]).default("exact"))
    .option("--dedup-threshold <x>", "Jaccard similarity from which --dedup near drops a record", fraction, HARVEST_DEFAULTS.dedupThreshold)
    .option("--pseudonymize", "replace authors' logins and names in the texts with stable pseudonyms", false)
    .option("--pseudonymize-salt <secret>", "key of the pseudonyms (default: env GH_HARVEST_SALT); keep it private", undefined);
}

function harvestOptions(raw: RawHarvestOptions, env: NodeJS.ProcessEnv): HarvestOptions {
  distinctFiles([["-o", raw.out === "-" ? undefined : raw.out], ["--rejects", raw.rejects], ["--state", raw.state]]);
  const { state: _state, redactPattern: _patterns, pseudonymize, pseudonymizeSalt, ...rest } = raw;
  const salt = pseudonymizeSalt ?? env.GH_HARVEST_SALT ?? "";
  // Without a secret key, a pseudonym is the hash of a login anyone can recompute from a
  // list of logins: no pseudonym at all.
  if (pseudonymize && salt.trim() === "") {
    throw new UsageError("--pseudonymize needs a secret salt: --pseudonymize-salt or env GH_HARVEST_SALT (e.g. openssl rand -hex 16), kept private");
  }
  return { ...rest, pseudonymize: pseudonymize ? { salt } : undefined };
}

/** Two outputs of one run in one file: the last to be renamed in would win, the other be lost. */
function distinctFiles(files: readonly [string, string | undefined][]): void {
  const seen = new Map<string, string>();
  for (const [flag, file] of files) {
    if (file === undefined) continue;
    const key = resolve(file);
    const other = seen.get(key);
    if (other) throw new UsageError(`${other} and ${flag} name the same file (${file}); give each its own`);
    seen.set(key, flag);
  }
}

export function buildProgram(io: CliIO, onExit: (code: number) => void): Command {
  const program = new Command("gh-harvest")
    .description("Turn a team's real work (commits, pull requests, issues, reviews) into validated fine-tuning JSONL.")
    .version(packageVersion(), "-V, --version")
    .option("--debug", "show stack traces and debug lines", false)
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander's own errors become our one line, below
      outputError: () => {},
    })
    .exitOverride()
    .hook("preSubcommand", async (_program, command) => {
      if (command.name() !== "validate") heavyParsers ??= await import("./cli-options.js");
    });
  const debug = () => Boolean(program.opts().debug);
  const ctx = { io, debug };

  addHarvestOptions(
    program
      .command("local")
      .description("mine the commits of local git repositories (no token, no network)")
      .argument("<path...>", "a git repository (or a folder inside one)")
      .addOption(repeatable("--rev <revision>", "what git log would walk (repeatable)", "HEAD")),
  ).action(async (paths: string[], raw: RawHarvestOptions & { rev: string[] }) => {
    const { runLocal } = await import("./commands/local.js");
    await runLocal(paths, { ...harvestOptions(raw, io.env), revs: raw.rev, state: raw.state, redactPatterns: raw.redactPattern }, ctx);
    onExit(0);
  });

  addHarvestOptions(
    program
      .command("pr")
      .description("import one pull request (and its review comments) through the GitHub API")
      .argument("<ref>", "https://github.com/OWNER/REPO/pull/N, OWNER/REPO#N, or https://HOST/OWNER/REPO/pull/N")
      .addOption(apiUrlOption()),
  ).action(async (ref: string, raw: RawHarvestOptions & { apiUrl?: string }) => {
    const { runPr } = await import("./commands/github.js");
    await runPr(ref, { ...harvestOptions(raw, io.env), apiUrl: raw.apiUrl, state: raw.state, redactPatterns: raw.redactPattern }, ctx);
    onExit(0);
  });

  addHarvestOptions(
    program
      .command("repo")
      .description("import a repository's merged PRs, closed issues, review comments and commits through the GitHub API")
      .argument("<owner/name...>", "one or more repositories, OWNER/REPO")
      .addOption(apiUrlOption())
      .option("--checkout <dir>", "a local clone of the repository: diffs come from git instead of the API", asString),
  ).action(async (targets: string[], raw: RawHarvestOptions & { apiUrl?: string; checkout?: string }) => {
    const { runRepo } = await import("./commands/github.js");
    await runRepo(
      targets,
      { ...harvestOptions(raw, io.env), apiUrl: raw.apiUrl, checkout: raw.checkout, state: raw.state, redactPatterns: raw.redactPattern },
      ctx,
    );
    onExit(0);
  });

  program
    .command("validate")
    .description("check JSONL files and report every problem with its line")
    .argument("<file...>", "JSONL files, or folders of them (every .jsonl under each); - reads standard input")
    .addOption(new Option("--format <format>", "check every line as this format (default: detected)").choices(["alpaca", "openai", "sharegpt"]).argParser(format))
    .option("--json", "print one JSON report instead of lines", false)
    .option("--strict", "exit 1 on warnings too", false)
    .addOption(repeatable("--ignore <code>", "silence a check (repeatable, or comma-separated)"))
    .option("--max-tokens <n>", "warn too-long above this many tokens", positiveInt, 4096)
    .addOption(new Option("--tokenizer <name>", "how tokens are counted: approx (fast estimate), o200k or cl100k (exact, about 8 MB/s)").choices(["approx", "o200k", "cl100k"]).default("approx"))
    .option("--jobs <n>", "worker threads for files of 128 MB or more, 8 MB with an exact tokenizer (default: cores - 1, up to 3; the main thread checks too; 0: none)", (v) => wholeNumber(v))
    .addOption(repeatable("--redact-pattern <regex>", "also report text matching this pattern as a secret (repeatable)", "none", regex))
    .action(async (files: string[], raw: ValidateCliOptions) => {
      const { runValidate } = await import("./commands/validate.js");
      const { redactPattern, ...options } = raw;
      // Patterns, not a ready redactor: worker threads build their own from them.
      onExit(await runValidate(files, { ...options, redactPatterns: redactPattern }, io));
    });

  program
    .command("stats")
    .description("what a dataset holds: counts per rule, source, repository and language, token lengths")
    .argument("<file...>", "JSONL files, or folders of them")
    .option("--html <file>", "also write a self-contained HTML report with charts and sample records", asString)
    .option("--json", "print one JSON object instead of the terminal report", false)
    .option("--top <n>", "how many of the largest records to list", positiveInt, 10)
    .action(async (files: string[], raw: { html?: string; json: boolean; top: number }) => {
      const { runStats } = await import("./commands/stats.js");
      onExit(await runStats(files, raw, io));
    });

  program
    .command("card")
    .description("write a Hugging Face dataset card (README.md with YAML front matter) for a dataset")
    .argument("<file>", "the JSONL dataset")
    .option("-o, --out <file>", "where the card goes; - is stdout", asString, "README.md")
    .option("--license <id>", "the dataset's licence (Hugging Face identifier)", "other")
    .option("--name <text>", "the dataset's pretty name (default: the file's name)")
    .addOption(repeatable("--repo-license <owner/repo=id>", "the licence of a source repository (repeatable)", "none", repoLicense))
    .option("--force", "replace --out even if it is not a card gh-harvest wrote", false)
    .action(async (file: string, raw: { out: string; license: string; name?: string; repoLicense: [string, string][]; force: boolean }) => {
      const { runCard } = await import("./commands/card.js");
      const options = { out: raw.out, license: raw.license, name: raw.name, repoLicenses: Object.fromEntries(raw.repoLicense), force: raw.force };
      onExit(await runCard(file, options, io));
    });

  program
    .command("repos")
    .description("list an organization's (or a user's) repositories as a GitHub Actions matrix: {\"include\":[{\"repo\":\"OWNER/NAME\"},...]}")
    .argument("<owner>", "an organization, or a user account")
    .option("--archived", "keep archived repositories", false)
    .option("--no-archived", "leave archived repositories out (the default)")
    .option("--forks", "keep forks", false)
    .option("--no-forks", "leave forks out (the default)")
    .addOption(repeatable("--topic <topic>", "keep repositories with this topic (repeatable: any of them)", "any"))
    .addOption(repeatable("--language <language>", "keep repositories whose main language is this (repeatable: any of them)", "any"))
    .option("--max-jobs <n>", "at most this many matrix entries (GitHub allows 256); repositories share jobs beyond it", positiveInt, 256)
    .addOption(apiUrlOption())
    .action(async (owner: string, raw: { archived: boolean; forks: boolean; topic: string[]; language: string[]; maxJobs: number; apiUrl?: string }) => {
      const { runRepos } = await import("./commands/repos.js");
      await runRepos(owner, { archived: raw.archived, forks: raw.forks, topics: raw.topic, languages: raw.language, maxJobs: raw.maxJobs, apiUrl: raw.apiUrl }, ctx);
      onExit(0);
    });

  program
    .command("merge")
    .description("join JSONL shards into one file: every line validated, duplicates (same meta.id or same content) dropped")
    .argument("<file...>", "JSONL files, or folders of them")
    .option("-o, --out <file>", "where the JSONL goes; - is stdout", asString, "-")
    .action(async (files: string[], raw: { out: string }) => {
      const { runMerge } = await import("./commands/merge.js");
      onExit((await runMerge(files, raw, io)).code);
    });

  program
    .command("mappings")
    .description("list the mapping rules: built-in ones and any given with -m")
    .addOption(repeatable("-m, --mapping <name-or-file>", "also load this rule file (repeatable)"))
    .action(async (raw: { mapping: string[] }) => {
      const { runMappings } = await import("./commands/mappings.js");
      runMappings(raw.mapping, io.stdout);
      onExit(0);
    });

  return program;
}

/** Runs the CLI; returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  // No command at all: the help, on stdout with status 0 as `gh` gives it, so `gh-harvest | less` shows it.
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return 0;
      if (error.code === "commander.help") return 0;
      // The help of the command that was given, where the option it got wrong is listed.
      const command = program.commands.find((c) => c.name() === argv[0]);
      io.stderr.write(`gh-harvest: ${error.message.replace(/^error: /, "")} (see gh-harvest ${command ? `${command.name()} ` : ""}--help)\n`);
      return 2;
    }
    const debug = argv.includes("--debug");
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`gh-harvest: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    if (!(error instanceof Error) || !("exitCode" in error)) {
      // An error without our type is a bug: say so, still in one line without --debug.
      if (!debug) io.stderr.write("gh-harvest: this is a bug; run again with --debug for the stack trace\n");
    }
    return error instanceof UsageError ? 2 : exitCodeOf(error);
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const controller = new AbortController();
  // The shell's status for a run a signal stopped: 128 + the signal's number.
  const STATUS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
  let stoppedBy: number | undefined;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // The first signal stops the run cleanly (no partial output: Ctrl-C, a closed terminal,
      // a kill); a second Ctrl-C exits now (atomic files remove their temporary file on exit).
      if (stoppedBy !== undefined && signal === "SIGINT") process.exit(STATUS.SIGINT);
      stoppedBy ??= STATUS[signal];
      controller.abort();
    });
  }
  // A reader that goes away (`gh-harvest mappings | head -1`) makes the next write fail with
  // EPIPE, emitted on stdout: without a listener, Node throws it as a crash with a stack trace.
  // The commands that write much notice it themselves and stop; for the rest it is the end.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = stoppedBy ?? code;
  });
}
