// The stats report for a terminal: tables with unicode bars, at most 80 columns wide.
import { basename } from "node:path";
import { binLabel, histogramBins } from "./histogram.js";
import type { Stats } from "./collect.js";
import { TOKEN_COUNTING } from "./tokens.js";

export const WIDTH = 80;
const TOP_KEYS = 12;
const LABEL_MAX = 28;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar of value/max of `width` cells, in eighths of a cell; a non-zero value shows at least ▏. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

const fmt = (n: number) => n.toLocaleString("en-US");

function clip(label: string, width: number): string {
  return label.length <= width ? label : `${label.slice(0, width - 1)}…`;
}

/** Rows of label, bar, count and share of total; the biggest first, ties by name. */
export function barTable(title: string, counts: Record<string, number>, total: number, limit = TOP_KEYS): string[] {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const shown = entries.slice(0, limit);
  const more = entries.length - shown.length;
  const lines = [more > 0 ? `${title} (top ${shown.length} of ${entries.length})` : title];
  if (shown.length === 0) return [...lines, "  (none)"];
  const labelWidth = Math.min(LABEL_MAX, Math.max(...shown.map(([k]) => k.length)));
  const countWidth = Math.max(...shown.map(([, n]) => fmt(n).length));
  // "  label  bar  count  100.0%" within WIDTH - 1, so no terminal wraps it
  const barWidth = WIDTH - 1 - (2 + labelWidth + 2 + 1 + countWidth + 2 + 6);
  const max = shown[0]![1];
  for (const [key, n] of shown) {
    const share = `${((100 * n) / Math.max(total, 1)).toFixed(1)}%`.padStart(6);
    lines.push(`  ${clip(key, labelWidth).padEnd(labelWidth)}  ${bar(n, max, barWidth).padEnd(barWidth)} ${fmt(n).padStart(countWidth)}  ${share}`);
  }
  if (more > 0) lines.push(`  … ${more} more`);
  return lines;
}

export function renderTerminal(stats: Stats): string {
  const out: string[] = [];
  const skipped = stats.files.reduce((n, f) => n + f.skipped, 0);
  const files = stats.files.length;
  out.push(`${plural(stats.records, "record")} in ${plural(files, "file")}${skipped ? ` (${plural(skipped, "line")} skipped)` : ""}`);
  for (const f of stats.files) {
    const formats = Object.entries(f.formats).map(([k, n]) => `${k} ${fmt(n)}`).join(", ") || "no records";
    out.push(`  ${f.file}: ${plural(f.records, "record")} (${formats})${f.skipped ? `, ${fmt(f.skipped)} skipped` : ""}`);
  }
  const section = (lines: string[]) => out.push("", ...lines);
  section(barTable("By mapping rule", stats.byMapping, stats.records));
  section(barTable("By source", stats.bySource, stats.records));
  section(barTable("By repository", stats.byRepo, stats.records));
  section(barTable("By language (a record may touch several)", stats.byLanguage, stats.records));
  if (Object.keys(stats.redacted).length > 0) section(barTable("Redacted (replacements, by kind)", stats.redacted, Object.values(stats.redacted).reduce((a, b) => a + b, 0)));
  section(tokenLines(stats));
  section(largestLines(stats));
  return `${out.join("\n")}\n`;
}

function tokenLines(stats: Stats): string[] {
  const t = stats.tokens;
  const lines = [`Tokens per record (${TOKEN_COUNTING})`];
  if (stats.records === 0) return [...lines, "  (no records)"];
  lines.push(`  min ${fmt(t.min)}  median ${fmt(t.p50)}  p90 ${fmt(t.p90)}  p99 ${fmt(t.p99)}  max ${fmt(t.max)}  mean ${fmt(Math.round(t.mean))}`);
  const bins = histogramBins(t.counts);
  const labelWidth = Math.max(...bins.map((b) => binLabel(b).length));
  const countWidth = Math.max(...bins.map((b) => fmt(b.count).length));
  const barWidth = WIDTH - 1 - (2 + labelWidth + 2 + 1 + countWidth);
  const max = Math.max(...bins.map((b) => b.count));
  for (const b of bins) lines.push(`  ${binLabel(b).padStart(labelWidth)}  ${bar(b.count, max, barWidth).padEnd(barWidth)} ${fmt(b.count).padStart(countWidth)}`);
  return lines;
}

function largestLines(stats: Stats): string[] {
  if (stats.largest.length === 0) return [];
  const lines = [`Largest ${stats.largest.length} records`];
  const tokenWidth = Math.max(...stats.largest.map((r) => fmt(r.tokens).length));
  for (const r of stats.largest) {
    const head = `  ${fmt(r.tokens).padStart(tokenWidth)} tokens  ${kib(r.bytes).padStart(9)}  `;
    const where = stats.files.length === 1 ? `line ${r.line}` : `${basename(r.file)}:${r.line}`;
    lines.push(head + clip(`${r.id}  (${where})`, WIDTH - 1 - head.length));
  }
  return lines;
}

function plural(n: number, word: string): string {
  return `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}
