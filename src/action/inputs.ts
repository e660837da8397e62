// The action's inputs, read as the runner hands them over: INPUT_<NAME> environment
// variables, the name upper-cased with spaces as underscores and dashes kept
// (INPUT_API-URL). A missing or empty input takes its default here too, so the action
// behaves the same when run by hand; action.yml states the same defaults.
import { format, isoDate, positiveInt, secretPolicy } from "../cli-options.js";
import { HARVEST_DEFAULTS } from "../harvest-defaults.js";
import type { SecretPolicy } from "../pipeline.js";
import { UsageError } from "../errors.js";
import type { Format } from "../formats.js";

export const ACTION_COMMANDS = ["local", "pr", "repo", "validate", "repos", "merge"] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** Every input of action.yml with its default ("" = none); a test holds the two together. */
export const INPUT_DEFAULTS = {
  command: "repo",
  target: "",
  output: "dataset.jsonl",
  mappings: "",
  format: "",
  since: "",
  state: "",
  rejects: "",
  append: "false",
  limit: "",
  include: "",
  exclude: "",
  "max-diff-lines": String(HARVEST_DEFAULTS.maxDiffLines),
  "max-diff-bytes": String(HARVEST_DEFAULTS.maxDiffBytes),
  "include-bots": "false",
  "on-secret": HARVEST_DEFAULTS.onSecret,
  checkout: "",
  token: "",
  "api-url": "",
  archived: "false",
  forks: "false",
  topic: "",
  language: "",
  "max-jobs": "256",
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;
type Env = Readonly<Record<string, string | undefined>>;

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export function getInput(env: Env, name: InputName): string {
  const value = env[inputEnvName(name)]?.trim() ?? "";
  return value === "" ? INPUT_DEFAULTS[name] : value;
}

const SEPARATORS = {
  /** Paths: one a line (a comma may be part of a file name). */
  lines: /[\r\n]+/,
  /** Rule names and files: one a line, or comma separated. */
  commas: /[\r\n,]+/,
  /** Repository names, topics: also spaces (a matrix entry holds several, space separated). */
  words: /[\s,]+/,
} as const;

export function getList(env: Env, name: InputName, split: keyof typeof SEPARATORS): string[] {
  return getInput(env, name)
    .split(SEPARATORS[split])
    .map((item) => item.trim())
    .filter(Boolean);
}

/** YAML 1.2's core booleans, as @actions/core's getBooleanInput reads them. */
export function getBoolean(env: Env, name: InputName): boolean {
  const value = getInput(env, name);
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UsageError(`input ${name}: expected true or false, got "${value}"`);
}

export function getCommand(env: Env): ActionCommand {
  const value = getInput(env, "command");
  if (!(ACTION_COMMANDS as readonly string[]).includes(value)) {
    throw new UsageError(`input command: expected one of ${ACTION_COMMANDS.join(", ")}, got "${value}"`);
  }
  return value as ActionCommand;
}

/** The CLI's own parsers (--format, --since, --max-jobs), their errors renamed after the input. */
function parsed<T>(name: InputName, value: string, parse: (v: string) => T): T {
  try {
    return parse(value);
  } catch (error) {
    throw new UsageError(`input ${name}: ${(error as Error).message}`);
  }
}

export function getFormat(env: Env): Format | undefined {
  const value = getInput(env, "format");
  return value === "" ? undefined : parsed("format", value, format);
}

export function getPositiveInt(env: Env, name: InputName): number {
  return parsed(name, getInput(env, name), positiveInt);
}

/** A positive whole number, or undefined when the input is empty (limit). */
export function getOptionalPositiveInt(env: Env, name: InputName): number | undefined {
  const value = getInput(env, name);
  return value === "" ? undefined : parsed(name, value, positiveInt);
}

export function getSecretPolicy(env: Env): SecretPolicy {
  return parsed("on-secret", getInput(env, "on-secret"), secretPolicy);
}

/** Like the CLI's --since: a bare date is midnight UTC. */
export function getDate(env: Env, name: InputName): Date | undefined {
  const value = getInput(env, name);
  return value === "" ? undefined : parsed(name, value, isoDate);
}
