// `gh-harvest mappings`: the rules, one per line: name, source, origin, description.
import { loadBuiltinRules, resolveRule } from "../rules/loader.js";

export function runMappings(files: readonly string[], stdout: NodeJS.WritableStream): void {
  const builtins = loadBuiltinRules();
  // -m takes a built-in name as the harvesting commands do: listed already, so nothing to load.
  const rules = [...builtins, ...files.filter((f) => !builtins.some((r) => r.name === f)).map((f) => resolveRule(f, builtins))];
  const nameWidth = Math.max(4, ...rules.map((r) => r.name.length));
  const sourceWidth = Math.max(6, ...rules.map((r) => r.source.length));
  const row = (name: string, source: string, origin: string, description: string) =>
    `${name.padEnd(nameWidth)}  ${source.padEnd(sourceWidth)}  ${description}${origin === "built-in" ? "" : `  (${origin})`}\n`;
  stdout.write(row("NAME", "SOURCE", "built-in", "DESCRIPTION"));
  for (const rule of rules) stdout.write(row(rule.name, rule.source, rule.origin, rule.description));
}
