// Loads rule files, built-in or the user's, the same way. Every problem is a UsageError
// naming the file, the line, the field and what was expected:
//   mappings/pr.yaml:7: when.body.minWords: expected a number, got "five"
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { LineCounter, parseDocument, isNode } from "yaml";
import type { z } from "zod";
import { UsageError } from "../errors.js";
import { packageRoot } from "../package-info.js";
import { compileRule, RuleFieldError, type Rule } from "./rule.js";
import { RuleFileSchema } from "./schema.js";

/** mappings/ of this package, found from this module's place (src/ or dist/src/). */
export function builtinMappingsDir(): string {
  return join(packageRoot(), "mappings");
}

export function loadRuleText(text: string, displayPath: string, origin: string): Rule {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (path: (string | number)[]): number => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const offset = isNode(node) && node.range ? node.range[0] : undefined;
    // A missing key has no node: point at its parent.
    if (offset === undefined) return path.length > 0 ? lineOf(path.slice(0, -1)) : 1;
    return lineCounter.linePos(offset).line;
  };
  const fail = (line: number, what: string): never => {
    throw new UsageError(`${displayPath}:${line}: ${what}`);
  };
  const yamlError = doc.errors[0];
  if (yamlError) {
    fail(lineCounter.linePos(yamlError.pos[0]).line, `not valid YAML: ${yamlError.message.split("\n")[0]}`);
  }
  const parsed = RuleFileSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!parsed.success) {
    const issue = innermost(parsed.error.issues[0]!);
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    fail(lineOf(path), `${path.join(".") || "(top level)"}: ${describeIssue(issue)}`);
  }
  try {
    return compileRule(parsed.data!, origin);
  } catch (error) {
    if (error instanceof RuleFieldError) fail(lineOf(error.path), `${error.path.join(".")}: ${error.message}`);
    throw error;
  }
}

/**
 * For a union that failed on an object (a `when:` condition), the object branch's own
 * issue says more than "none of the options matched".
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || typeof issue.input !== "object" || issue.input === null) return issue;
  const branch = issue.errors.find((errors) => errors.some((e) => e.path.length > 0 || (e.code !== "invalid_type" && e.code !== "invalid_union")));
  const inner = branch?.[0];
  return inner ? innermost({ ...inner, path: [...issue.path, ...inner.path] }) : issue;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const got = "input" in issue && issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : "";
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `missing; expected ${article(issue.expected)}` : `expected ${article(issue.expected)}${got}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${got}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      return `expected true/false, a number, a string, or an object of conditions${got}`;
    default:
      return `${issue.message.replace(/^Invalid input: /, "")}${got}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function loadRuleFile(path: string, cwd = process.cwd()): Rule {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`${path}: cannot read the rule file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const display = relative(cwd, resolve(path)) || path;
  return loadRuleText(text, display.startsWith("..") ? path : display, resolve(path));
}

export function loadBuiltinRules(dir = builtinMappingsDir()): Rule[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => loadRuleText(readFileSync(join(dir, f), "utf8"), `mappings/${f}`, "built-in"));
}

const looksLikeFile = (spec: string) => /[/\\]|\.(ya?ml|json)$/i.test(spec);

/** One -m value: a built-in rule by name, or a rule file; a name that is neither says so. */
export function resolveRule(spec: string, builtins: readonly Rule[]): Rule {
  const builtin = builtins.find((r) => r.name === spec);
  if (builtin) return builtin;
  if (looksLikeFile(spec) || existsSync(spec)) return loadRuleFile(spec);
  throw new UsageError(`unknown mapping "${spec}": not a built-in rule (${builtins.map((r) => r.name).join(", ")}) nor a rule file`);
}

/**
 * The rules named by -m: built-in names or rule files. With none, every built-in rule
 * whose source the command produces.
 */
export function resolveRules(specs: readonly string[], produces: readonly string[], builtins = loadBuiltinRules()): Rule[] {
  if (specs.length === 0) return builtins.filter((r) => produces.includes(r.source));
  const rules = specs.map((spec) => resolveRule(spec, builtins));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) throw new UsageError(`mapping "${rule.name}" is given twice; rule names must be unique`);
    seen.add(rule.name);
    // Silently kept, it would write nothing and exit 0: a typo'd command or rule looks like an empty history.
    if (!produces.includes(rule.source)) {
      throw new UsageError(`mapping "${rule.name}" reads ${rule.source} records, and this command makes only ${produces.join(", ")} records`);
    }
  }
  return rules;
}
