// --balance language|repo|mapping with --limit N [--seed S]: an even, reproducible mix.
//
// The pipeline streams, so the balancer sees every candidate once and keeps, per group, a
// uniform random sample of at most N of them (reservoir sampling, Vitter's algorithm R,
// with a PRNG seeded by --seed and the group's name, so one group's sample does not
// depend on how the others interleave). drain() then deals from the groups round-robin,
// in sorted group order, until N are chosen, and returns them in the order they were
// offered (the harvest's order). Memory: at most N lines per group.
import { UsageError } from "../errors.js";
import type { Triple } from "../records.js";
import { hashString, mulberry32 } from "./hash.js";

export const BALANCE_KEYS = ["language", "repo", "mapping"] as const;
export type BalanceKey = (typeof BALANCE_KEYS)[number];

export interface BalancerOptions {
  by: BalanceKey;
  limit: number;
  seed?: number;
  /** The --languages filter, if any: a triple's group is one of these languages. */
  languages?: ReadonlySet<string>;
}

export interface Balancer {
  offer(triple: Triple, line: string): void;
  /** The chosen lines (at most limit), in offer order. */
  drain(): string[];
  /** Per group: how many were offered and how many drain() chose. */
  groups(): Record<string, { offered: number; chosen: number }>;
}

export const NO_LANGUAGE = "(none)";
// Documentation and configuration files ride along with code changes; a commit touching
// main.py and README.md is a Python example.
const SECONDARY_LANGUAGES = new Set(["markdown", "restructuredtext", "yaml", "toml", "json"]);

interface Group {
  offered: number;
  chosen: number;
  random: () => number;
  reservoir: { seq: number; line: string }[];
}

export function createBalancer(options: BalancerOptions): Balancer {
  const { limit } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--balance needs --limit <n> with n >= 1`);
  const seed = options.seed ?? 0;
  const groups = new Map<string, Group>();
  let seq = 0;
  return {
    offer(triple, line) {
      const name = groupOf(triple, options);
      let group = groups.get(name);
      if (!group) {
        group = { offered: 0, chosen: 0, random: mulberry32(hashString(name, seed)), reservoir: [] };
        groups.set(name, group);
      }
      const item = { seq: seq++, line };
      group.offered++;
      if (group.reservoir.length < limit) {
        group.reservoir.push(item);
      } else {
        const j = Math.floor(group.random() * group.offered);
        if (j < limit) group.reservoir[j] = item;
      }
    },
    drain() {
      const names = [...groups.keys()].sort();
      // Shuffle each sample so that a group dealt fewer than it holds gives a random part,
      // not its first (oldest) records.
      const queues = names.map((name) => {
        const group = groups.get(name)!;
        return { group, items: shuffle(group.reservoir, group.random) };
      });
      const chosen: { seq: number; line: string }[] = [];
      for (let round = 0; chosen.length < limit; round++) {
        let dealt = false;
        for (const queue of queues) {
          const item = queue.items[round];
          if (!item || chosen.length >= limit) continue;
          chosen.push(item);
          queue.group.chosen++;
          dealt = true;
        }
        if (!dealt) break;
      }
      for (const group of groups.values()) group.reservoir = [];
      return chosen.sort((a, b) => a.seq - b.seq).map((item) => item.line);
    },
    groups() {
      const out: Record<string, { offered: number; chosen: number }> = {};
      for (const name of [...groups.keys()].sort()) {
        const { offered, chosen } = groups.get(name)!;
        out[name] = { offered, chosen };
      }
      return out;
    },
  };
}

/** The one group a triple belongs to. */
export function groupOf(triple: Pick<Triple, "meta">, options: Pick<BalancerOptions, "by" | "languages">): string {
  if (options.by === "repo") return triple.meta.repo;
  if (options.by === "mapping") return triple.meta.mapping;
  let langs = triple.meta.languages ?? [];
  if (options.languages) langs = langs.filter((l) => options.languages!.has(l));
  const primary = langs.filter((l) => !SECONDARY_LANGUAGES.has(l));
  if (primary.length > 0) langs = primary;
  if (langs.length === 0) return NO_LANGUAGE;
  if (langs.length === 1) return langs[0]!;
  // Several languages: pick one by the id's hash, stable across runs and spread evenly.
  return [...langs].sort()[hashString(triple.meta.id) % langs.length]!;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
