// Charts as inline SVG, drawn here rather than by a charting library in the page: the
// report must open offline and make no network request, and static SVG needs no script.
import type { Bin } from "./histogram.js";
import { binLabel } from "./histogram.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmt = (n: number) => n.toLocaleString("en-US");
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** Horizontal bars, the biggest first; `limit` rows at most. */
export function barChartSvg(title: string, counts: Record<string, number>, limit = 15): string {
  const entries = Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit);
  const row = 22;
  const labelWidth = 190;
  const barWidth = 260;
  const height = Math.max(1, entries.length) * row + 8;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rows = entries.map(([key, n], i) => {
    const y = 4 + i * row;
    const w = Math.max(1, Math.round((n / max) * barWidth));
    return (
      `<g class="bar"><title>${escapeHtml(`${key}: ${fmt(n)}`)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(clip(key, 28))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}" rx="2"></rect>` +
      `<text x="${labelWidth + w + 6}" y="${y + 15}" class="n">${fmt(n)}</text></g>`
    );
  });
  const empty = entries.length === 0 ? `<text x="8" y="18">(none)</text>` : "";
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}" width="${labelWidth + barWidth + 70}" height="${height}">` +
    `${rows.join("")}${empty}</svg></figure>`
  );
}

/** Vertical bars, one per length bin, with the bin under each bar and the count above. */
export function histogramSvg(title: string, bins: readonly Bin[]): string {
  const barWidth = 64;
  const gap = 8;
  const chartHeight = 160;
  const width = Math.max(1, bins.length) * (barWidth + gap) + 10;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bars = bins.map((bin, i) => {
    const x = 5 + i * (barWidth + gap);
    const h = bin.count === 0 ? 0 : Math.max(2, Math.round((bin.count / max) * chartHeight));
    const y = 20 + chartHeight - h;
    const label = binLabel(bin);
    return (
      `<g class="bin"><title>${escapeHtml(`${label} tokens: ${fmt(bin.count)} records`)}</title>` +
      `<rect x="${x}" y="${y}" width="${barWidth}" height="${h}" rx="2"></rect>` +
      `<text x="${x + barWidth / 2}" y="${y - 5}" text-anchor="middle" class="n">${fmt(bin.count)}</text>` +
      `<text x="${x + barWidth / 2}" y="${20 + chartHeight + 16}" text-anchor="middle" class="axis">${escapeHtml(label)}</text></g>`
    );
  });
  const height = 20 + chartHeight + 26;
  return (
    `<figure class="chart wide"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<line x1="0" y1="${20 + chartHeight}" x2="${width}" y2="${20 + chartHeight}" class="baseline"></line>${bars.join("")}</svg></figure>`
  );
}
