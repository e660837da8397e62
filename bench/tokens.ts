// How close the default token estimate (src/validate/tokens.ts) comes to o200k_base on real
// data: for each JSONL file and each text field, the estimate's ratio to o200k's count at
// the 10th, 50th and 90th percentile, and the share of texts within 15%.
//
//   node --import tsx bench/tokens.ts a.jsonl [b.jsonl ...] [--records 400]
//
// Files of gh-harvest's alpaca records (`gh-harvest local REPO -o a.jsonl`) measure its
// diffs and commit messages; any alpaca file will do.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { approximateTokens } from "../src/validate/tokens.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { records: { type: "string", default: "400" } } });
const FIELDS = ["instruction", "input", "output"] as const;
const quantile = (sorted: number[], p: number) => sorted[Math.floor(p * (sorted.length - 1))]!.toFixed(2);

console.log("| file | field | texts | p10 | p50 | p90 | within 15% | characters a token (o200k) |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const file of positionals) {
  const records = readFileSync(file, "utf8").split("\n").filter(Boolean).slice(0, Number(values.records)).map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const field of FIELDS) {
    const ratios: number[] = [];
    let chars = 0;
    let tokens = 0;
    for (const record of records) {
      const text = record[field];
      if (typeof text !== "string" || text === "") continue;
      const exact = countTokens(text);
      ratios.push(approximateTokens(text) / exact);
      chars += text.length;
      tokens += exact;
    }
    if (ratios.length === 0) continue;
    ratios.sort((a, b) => a - b);
    const within = ratios.filter((r) => Math.abs(r - 1) <= 0.15).length / ratios.length;
    console.log(`| ${file.split("/").pop()} | ${field} | ${ratios.length} | ${quantile(ratios, 0.1)} | ${quantile(ratios, 0.5)} | ${quantile(ratios, 0.9)} | ${(within * 100).toFixed(0)}% | ${(chars / tokens).toFixed(2)} |`);
  }
}
