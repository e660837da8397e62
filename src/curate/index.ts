// The curation API the pipeline calls per triple: dedup, selection, balance.
export { createDeduper, exactKey, DEDUP_MODES, DEFAULT_NEAR_THRESHOLD } from "./dedup.js";
export type { DedupMode, Deduper, DeduperOptions, Duplicate } from "./dedup.js";
export { matchesLanguages, matchesText, parseLanguages, parseMatchPattern } from "./select.js";
export { BALANCE_KEYS, createBalancer, groupOf, NO_LANGUAGE } from "./balance.js";
export type { BalanceKey, Balancer, BalancerOptions } from "./balance.js";
