// The defaults of the harvesting flags, in one light module (no zod) shared by the CLI
// and the GitHub Action, so the two cannot drift apart.
export const HARVEST_DEFAULTS = {
  format: "alpaca",
  maxDiffLines: 1000,
  // 1000 lines of about 100 characters: the line limit's size, for diffs whose lines are
  // far longer (a minified SVG, a one-line data.json) and that a line count lets through.
  maxDiffBytes: 100_000,
  onSecret: "redact",
  dedupThreshold: 0.85,
} as const;
