// A Hugging Face dataset card (README.md): YAML front matter the Hub reads
// (https://huggingface.co/docs/hub/datasets-cards), then what a reader needs to decide
// whether to train on the data: where it comes from, how it was made, what was removed.
import { stringify } from "yaml";
import type { CardFacts } from "./collect-card.js";
import { sizeCategory } from "./size-category.js";

export interface CardOptions {
  /** The data file's path as the Hub repository will hold it (data_files path). */
  dataFile: string;
  /** Defaults to "other": gh-harvest cannot know what licence the data may carry. */
  license?: string;
  name?: string;
  /** Licences of source repositories, when the user knows them. */
  repoLicenses?: Record<string, string>;
}

export const UNKNOWN_LICENSE = "unknown — check each repository's license";

const FIELDS = {
  alpaca: "`instruction`, `input` and `output` strings, and `meta`",
  openai: "`messages`: a `user` turn (the instruction, then the input after a blank line) and an `assistant` turn, and `meta`",
  sharegpt: "`conversations`: a `human` turn (the instruction, then the input after a blank line) and a `gpt` turn, and `meta`",
} as const;

const fmt = (n: number) => n.toLocaleString("en-US");
const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const sorted = (counts: Record<string, number>) => Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(head), `| ${head.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

const SOURCE_WORDS: Record<string, string> = { commit: "commits", pull: "pull requests", issue: "issues", "review-comment": "review comments" };

/** "commits and pull requests", from the sources the records come from. */
function sourceWords(facts: CardFacts): string {
  const words = sorted(facts.bySource).map(([s]) => SOURCE_WORDS[s]).filter((w): w is string => w !== undefined);
  if (words.length === 0) return "history";
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export function frontMatter(facts: CardFacts, options: CardOptions) {
  const languages = sorted(facts.byLanguage).map(([l]) => l).slice(0, 10);
  const formats = Object.keys(facts.formats).sort();
  return {
    pretty_name: options.name ?? options.dataFile.replace(/\.jsonl?$/, ""),
    license: options.license ?? "other",
    task_categories: ["text-generation"],
    // Natural-language instructions and answers (English templates) over source code.
    language: ["en", "code"],
    tags: [...new Set(["code", "git", "gh-harvest", ...formats, ...languages])],
    size_categories: [sizeCategory(facts.records)],
    configs: [{ config_name: "default", data_files: [{ split: "train", path: options.dataFile }] }],
  };
}

export function renderCard(facts: CardFacts, options: CardOptions): string {
  const meta = frontMatter(facts, options);
  const repos = sorted(facts.byRepo);
  const format = Object.keys(facts.formats).sort() as (keyof typeof FIELDS)[];
  const out: string[] = [`---\n${stringify(meta, { lineWidth: 0 })}---`, "", `# ${meta.pretty_name}`, ""];
  const where = repos.length === 1 ? "one repository" : `${fmt(repos.length)} repositories`;
  // What gh-harvest says of its own records only: a file made by other tools gets facts.
  out.push(
    facts.foreign === 0
      ? `${fmt(facts.records)} ${format.join("/") || "JSONL"} records made with gh-harvest from the ${sourceWords(facts)} of ${where}. gh-harvest writes only records that pass its validation checks.`
      : `${fmt(facts.records)} ${format.join("/") || "JSONL"} records from ${where}${facts.foreign < facts.records ? `; ${fmt(facts.records - facts.foreign)} of them made with gh-harvest` : ""}.`,
    "",
    "## Source repositories",
    "",
    table(["repository", "records", "license"], repos.map(([repo, n]) => [repo, fmt(n), options.repoLicenses?.[repo] ?? facts.repoLicense[repo] ?? UNKNOWN_LICENSE])),
    "",
    `The records quote code and text from these repositories; their licences apply to it. The dataset's own licence (\`${meta.license}\`) does not replace them.`,
    "",
    "## Mapping rules",
    "",
    "Each record was made from one source item by a mapping rule (`meta.mapping`):",
    "",
    table(["rule", "source", "records"], Object.entries(facts.byMapping).sort(([a, x], [b, y]) => y.records - x.records || a.localeCompare(b)).map(([rule, r]) => [rule, r.source, fmt(r.records)])),
    "",
    "## Counts",
    "",
    table(["source", "records"], sorted(facts.bySource).map(([s, n]) => [s, fmt(n)])),
    "",
  );
  const langs = sorted(facts.byLanguage);
  if (langs.length > 0) {
    out.push("Languages of the files the diffs touch (`meta.languages`; a record may touch several):", "", table(["language", "records"], langs.map(([l, n]) => [l, fmt(n)])), "");
  }
  out.push("## Redaction", "");
  const kinds = sorted(facts.redacted);
  const found = facts.recordsWithCredentials;
  if (found > 0) {
    out.push(
      `**${fmt(found)} record${found === 1 ? " holds" : "s hold"} what look like credentials**, found when this card was written. Remove or redact them before publishing; \`gh-harvest validate ${options.dataFile}\` says where.`,
      "",
      table(["kind", "found"], sorted(facts.credentials).map(([k, n]) => [k, fmt(n)])),
      "",
    );
  }
  if (kinds.length > 0) {
    out.push(
      `gh-harvest scanned every record for credentials before writing and replaced what it found with a placeholder${found === 0 ? "; the values are not in the data" : ""}. ${fmt(facts.recordsRedacted)} record${facts.recordsRedacted === 1 ? "" : "s"} had replacements (\`meta.redacted\`):`,
      "",
      table(["kind", "replacements"], kinds.map(([k, n]) => [k, fmt(n)])),
      "",
    );
  } else if (found === 0) {
    out.push(
      facts.foreign > 0
        ? "gh-harvest scanned every record for credentials (tokens, keys, private keys) when it wrote this card and found none."
        : "gh-harvest scanned every record for credentials (tokens, keys, private keys) before writing; none of these records needed a replacement.",
      "",
    );
  }
  out.push("Scanning finds known patterns; it is not a guarantee. Review the data before publishing it.", "", "## Format", "");
  for (const f of format) out.push(`- \`${f}\` (${fmt(facts.formats[f] ?? 0)} records): one JSON object a line with ${FIELDS[f]}.`);
  out.push(
    "- `meta` holds `id` (stable and unique), `source`, `repo`, `mapping`, and where known `url`, `sha`, `number`, `languages` and `redacted`.",
    "",
    "## How to load",
    "",
    "```python",
    "from datasets import load_dataset",
    "",
    `ds = load_dataset("json", data_files=${JSON.stringify(options.dataFile)}, split="train")`,
    "```",
    "",
    "Once this card and the file are in a Hugging Face dataset repository, `load_dataset(\"<owner>/<name>\")` reads them through the `configs` above.",
    "",
  );
  return out.join("\n");
}
