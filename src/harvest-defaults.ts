// The defaults of the harvesting flags, in one light module (no zod) shared by the CLI
// and the GitHub Action, so the two cannot drift apart.
export const HARVEST_DEFAULTS = {
  format: "alpaca",
  maxDiffLines: 1000,
  onSecret: "redact",
  dedupThreshold: 0.85,
} as const;
