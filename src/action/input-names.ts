// The CLI's words in the Action's: a message that names a flag (`--checkout takes one
// repository`, `invalid --api-url`) or the token's variables names the input a workflow sets
// instead, since that is what its author has to change.
import { INPUT_DEFAULTS } from "./inputs.js";

/** CLI flags whose input has another name. */
const RENAMED: Record<string, string> = { out: "output", mapping: "mappings" };

export function inInputNames(message: string): string {
  return message
    .replace(/(^|[\s(`"'])--([a-z][a-z-]*)\b/g, (whole, before: string, flag: string) => {
      const input = RENAMED[flag] ?? flag;
      return input in INPUT_DEFAULTS ? `${before}input ${input}` : whole;
    })
    .replace(/\bGH_TOKEN\/GITHUB_TOKEN\b|\bno GH_TOKEN or GITHUB_TOKEN\b/g, (m) => (m.startsWith("no ") ? "no token input (nor GH_TOKEN or GITHUB_TOKEN)" : "the token input"));
}
