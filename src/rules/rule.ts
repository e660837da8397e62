// A compiled mapping rule and what it makes of one source record.
import type { Meta, SourceKind, SourceRecord, Triple } from "../records.js";
import { compileCondition, type CompiledCondition } from "./conditions.js";
import { fieldNames, fieldValue } from "./fields.js";
import type { RuleFile } from "./schema.js";
import { compileTemplate, type Template } from "./template.js";

export interface Rule {
  readonly name: string;
  readonly source: SourceKind;
  readonly description: string;
  /** "built-in", or the path of the rule file. */
  readonly origin: string;
  readonly conditions: readonly CompiledCondition[];
  /** `when.output`: checked on the rendered output, after its filters have run. */
  readonly outputConditions: readonly CompiledCondition[];
  readonly instruction: Template;
  readonly input: Template;
  readonly output: Template;
  /** The rule needs the record's diff, so a record without one is skipped. */
  readonly usesDiff: boolean;
}

/** Where in the rule file a compile error sits, for the loader's message. */
export class RuleFieldError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * `when.output` names no record field but the rendered output: a PR body that is only
 * a template's HTML comments plus "wip" passes any check on the raw body, yet the
 * record would teach "wip". Not a field, so templates cannot name it.
 */
export const OUTPUT_CONDITION = "output";

export function compileRule(file: RuleFile, origin: string): Rule {
  const known = fieldNames(file.source);
  const template = (key: "instruction" | "input" | "output") => {
    try {
      return compileTemplate(file[key], known);
    } catch (error) {
      throw new RuleFieldError([key], (error as Error).message);
    }
  };
  const conditions: CompiledCondition[] = [];
  const outputConditions: CompiledCondition[] = [];
  for (const [field, condition] of Object.entries(file.when)) {
    if (field === OUTPUT_CONDITION) {
      outputConditions.push(compileCondition(field, condition));
      continue;
    }
    if (!known.includes(field)) {
      throw new RuleFieldError(["when", field], `unknown field; expected one of ${[...known, OUTPUT_CONDITION].join(", ")}`);
    }
    conditions.push(compileCondition(field, condition));
  }
  const instruction = template("instruction");
  const input = template("input");
  const output = template("output");
  const usesDiff = [instruction, input, output].some((t) => t.fields.includes("diff"));
  return {
    name: file.name,
    source: file.source,
    description: file.description,
    origin,
    conditions,
    outputConditions,
    instruction,
    input,
    output,
    usesDiff,
  };
}

export type RuleResult = { triple: Triple } | { skip: string };

/**
 * Where a GitHub item lives, as its id names it: nothing for github.com (the ids written
 * before hosts were named stay the same), else the web host (an Enterprise Server's
 * acme/widgets is not github.com's, and both may end up in one file under --append).
 */
function hostPrefix(url: string | undefined): string {
  let host = "";
  try {
    host = url ? new URL(url).host.toLowerCase() : "";
  } catch {
    return "";
  }
  return host === "" || host === "github.com" || host === "www.github.com" ? "" : `${host}/`;
}

/** The record's id prefix: stable across runs, unique per item. */
export function recordKey(record: SourceRecord): string {
  const where = `${hostPrefix(record.url)}${record.repo}`;
  switch (record.kind) {
    case "commit":
      return `${record.url ? "github" : "git"}:${where}@${record.sha}`;
    case "pull":
    case "issue":
      return `github:${where}#${record.number}`;
    case "review-comment":
      return `github:${where}#${record.pullNumber}/comment-${record.id}`;
  }
}

function baseMeta(record: SourceRecord, rule: Rule): Meta {
  const meta: Meta = {
    id: `${recordKey(record)}:${rule.name}`,
    source: record.kind,
    repo: record.repo,
    mapping: rule.name,
  };
  if (record.url) meta.url = record.url;
  if (record.kind === "commit") meta.sha = record.sha;
  if (record.kind === "pull") {
    meta.number = record.number;
    if (record.mergeSha) meta.sha = record.mergeSha;
  }
  if (record.kind === "issue") meta.number = record.number;
  if (record.kind === "review-comment") meta.number = record.pullNumber;
  return meta;
}

export function applyRule(rule: Rule, record: SourceRecord): RuleResult {
  if (record.kind !== rule.source) return { skip: `not a ${rule.source}` };
  if (rule.usesDiff && (record.kind === "commit" || record.kind === "pull")) {
    const { diff } = record;
    if (diff.tooLarge) return { skip: "diff too large" };
    if (diff.text === "") {
      return { skip: diff.dropped.length > 0 ? "only filtered, binary or non-UTF-8 files" : "empty diff" };
    }
  }
  const value = (field: string) => fieldValue(record, field);
  for (const condition of rule.conditions) {
    const why = condition.check(value(condition.field));
    if (why) return { skip: why };
  }
  const output = rule.output.render(value).trim();
  for (const condition of rule.outputConditions) {
    const why = condition.check(output);
    if (why) return { skip: why };
  }
  if (output === "") return { skip: "empty output" };
  const triple: Triple = {
    instruction: rule.instruction.render(value).trim(),
    input: rule.input.render(value),
    output,
    meta: baseMeta(record, rule),
  };
  return { triple };
}
