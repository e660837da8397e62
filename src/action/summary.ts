// The job summary (GITHUB_STEP_SUMMARY) of each command, as GitHub-flavoured markdown:
// what was written per rule, what was skipped and why, what it cost of the rate limit.
import type { RequestStats } from "../github/client.js";
import type { MergeSummary } from "../commands/merge.js";
import type { RepoMatrix, RepositoryListing } from "../commands/repos.js";
import type { RunSummary } from "../pipeline.js";
import type { RunSummary as ValidateSummary } from "../validate/report.js";

const n = (value: number) => value.toLocaleString("en");
const plural = (count: number, word: string, many = `${word}s`) => `${n(count)} ${count === 1 ? word : many}`;

/** A table cell: a pipe would end the cell, a line break the row. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** `code` that survives backticks in the text. */
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function table(head: [string, string], rows: Record<string, number>): string {
  const sorted = Object.entries(rows).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (sorted.length === 0) return "";
  return [`| ${head[0]} | ${head[1]} |`, "| :-- | --: |", ...sorted.map(([k, v]) => `| ${cell(k)} | ${n(v)} |`)].join("\n") + "\n";
}

export function rateLimitLine(api: RequestStats | undefined): string {
  if (!api) return "";
  const left =
    api.rateLimitRemaining === undefined
      ? "the rate limit left was not reported"
      : `**${n(api.rateLimitRemaining)}** requests left in the rate limit` +
        (api.rateLimitReset ? ` (resets ${api.rateLimitReset.toISOString().replace(/\.\d+Z$/, "Z")})` : "");
  return `GitHub API: ${plural(api.requests, "request")} (${n(api.notModified)} answered 304 Not Modified, free), ${left}.\n`;
}

export function harvestSummary(title: string, summary: RunSummary, out: string, api?: RequestStats): string {
  const skipped = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
  const parts = [
    `### ${title}\n`,
    `**${plural(summary.written, "record")}** written to ${out === "-" ? "the log" : code(out)} from ${plural(summary.scanned, "item")}` +
      `${summary.limitReached ? " (the limit was reached)" : ""}; ${n(summary.rejected)} rejected by validation, ${n(skipped)} skipped.\n`,
    table(["rule", "records"], summary.byMapping),
    table(["skipped, because", "items"], summary.skipped),
    Object.keys(summary.redacted).length > 0 ? table(["redacted", "times"], summary.redacted) : "",
    rateLimitLine(api),
  ];
  return parts.filter(Boolean).join("\n");
}

export function validateSummary(title: string, summary: ValidateSummary, rejectedLines: number): string {
  const files: Record<string, number> = Object.fromEntries(summary.files.map((f) => [`${f.file} (${f.format ?? "unknown format"})`, f.records]));
  return [
    `### ${title}\n`,
    `${plural(summary.records, "record")} checked: **${plural(summary.errors, "error")}** on ${plural(rejectedLines, "line")}, ${plural(summary.warnings, "warning")}.\n`,
    table(["file", "records"], files),
    table(["problem", "count"], summary.counts as Record<string, number>),
  ]
    .filter(Boolean)
    .join("\n");
}

export function reposSummary(listing: RepositoryListing, matrix: RepoMatrix, api: RequestStats): string {
  return [
    `### gh-harvest repos ${listing.owner}\n`,
    `**${plural(listing.repos.length, "repository", "repositories")}** of the ${listing.account} ${code(listing.owner)}, in ${plural(matrix.include.length, "job")}.\n`,
    table(["left out, because", "repositories"], listing.leftOut),
    rateLimitLine(api),
  ]
    .filter(Boolean)
    .join("\n");
}

export function mergeSummary(summary: MergeSummary, out: string): string {
  const dropped: Record<string, number> = {};
  if (summary.duplicateIds > 0) dropped["same meta.id as an earlier record"] = summary.duplicateIds;
  if (summary.duplicateContent > 0) dropped["same content as an earlier record"] = summary.duplicateContent;
  if (summary.invalid > 0) dropped["invalid (see the annotations)"] = summary.invalid;
  return [
    `### gh-harvest merge\n`,
    `**${plural(summary.written, "record")}** written to ${code(out)} from ${plural(summary.read, "record")} in ${plural(summary.files, "file")}.\n`,
    table(["dropped, because", "records"], dropped),
  ]
    .filter(Boolean)
    .join("\n");
}

export function failureSummary(title: string, message: string): string {
  return `### ${title}\n\n:x: ${message.replace(/\r?\n/g, " ")}\n`;
}
