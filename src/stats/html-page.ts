// `stats --html`: one self-contained page. Styles, charts (inline SVG) and the little
// script that filters the sample are all inline; a Content-Security-Policy forbids any
// network request, so nothing in a record (an <img> in a PR body, say) can reach out
// even if escaping were ever wrong.
import { barChartSvg, escapeHtml, histogramSvg } from "./html-charts.js";
import { renderSample } from "./html-records.js";
import { histogramBins } from "./histogram.js";
import type { Stats } from "./collect.js";
import { TOKEN_COUNTING } from "./tokens.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bar: #0969da; --bg: #fff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1160px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.muted, .where { color: var(--muted); }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 130px; background: var(--soft); }
.card b { display: block; font-size: 20px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; }
.chart.wide { flex-basis: 100%; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); } svg text.n, svg text.axis { fill: var(--muted); font-size: 11px; }
svg rect { fill: var(--bar); } svg .baseline { stroke: var(--line); }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.controls { display: flex; gap: 8px; margin-bottom: 10px; } .controls input { flex: 1; padding: 6px; }
.record { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
.record summary { cursor: pointer; padding: 6px 10px; background: var(--soft); }
.record[open] summary { border-bottom: 1px solid var(--line); }
.record > :not(summary) { margin-left: 10px; margin-right: 10px; }
.tag { display: inline-block; margin-left: 8px; padding: 0 6px; border-radius: 10px; background: #ddf4ff; font-size: 12px; }
.tokens, .idx { color: var(--muted); margin-left: 8px; font-size: 12px; }
h4 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; color: var(--muted); }
pre { background: var(--soft); padding: 8px; border-radius: 4px; overflow-x: auto; white-space: pre; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
.add { background: #dafbe1; color: #116329; display: inline-block; min-width: 100%; }
.del { background: #ffebe9; color: #82071e; display: inline-block; min-width: 100%; }
.hunk { color: #8250df; } .file { font-weight: 700; }
`;

// Filters the sample by text and rule; expands or collapses all. No external code.
const SCRIPT = `
const q = document.getElementById("q"), rule = document.getElementById("rule"), shown = document.getElementById("shown");
function filter() {
  const words = q.value.toLowerCase().split(/\\s+/).filter(Boolean); let n = 0;
  for (const d of document.querySelectorAll("details.record")) {
    const ok = (!rule.value || d.dataset.mapping === rule.value) && words.every((w) => d.dataset.search.includes(w) || d.textContent.toLowerCase().includes(w));
    d.hidden = !ok; if (ok) n++;
  }
  shown.textContent = n;
}
q.addEventListener("input", filter); rule.addEventListener("change", filter);
document.getElementById("expand").addEventListener("click", () => document.querySelectorAll("details.record:not([hidden])").forEach((d) => (d.open = true)));
document.getElementById("collapse").addEventListener("click", () => document.querySelectorAll("details.record").forEach((d) => (d.open = false)));
// report.html#q=words opens the page filtered, so a filtered view can be shared as a link.
if (location.hash.startsWith("#q=")) { q.value = decodeURIComponent(location.hash.slice(3)); filter(); }
document.documentElement.dataset.ready = "yes";
`;

export function renderHtml(stats: Stats, title = "gh-harvest dataset report"): string {
  const fmt = (n: number) => n.toLocaleString("en-US");
  const t = stats.tokens;
  const cards = [
    ["records", fmt(stats.records)],
    ["files", fmt(stats.files.length)],
    ["repositories", fmt(Object.keys(stats.byRepo).length)],
    ["mapping rules", fmt(Object.keys(stats.byMapping).length)],
    ["median tokens", fmt(t.p50)],
    ["p99 tokens", fmt(t.p99)],
  ].map(([label, value]) => `<div class="card"><b>${value}</b>${label}</div>`);
  const largest = stats.largest
    .map((r) => `<tr><td class="num">${fmt(r.tokens)}</td><td class="num">${fmt(r.bytes)}</td><td><code>${escapeHtml(r.id)}</code></td><td>${escapeHtml(`${r.file}:${r.line}`)}</td></tr>`)
    .join("");
  const rules = Object.keys(stats.byMapping).sort().map((m) => `<option>${escapeHtml(m)}</option>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(stats.files.map((f) => f.file).join(", "))} · tokens are ${escapeHtml(TOKEN_COUNTING)}</p>
<div class="cards">${cards.join("")}</div>
<h2>What is in it</h2>
<div class="charts">
${histogramSvg("Tokens per record", histogramBins(t.counts))}
${barChartSvg("By mapping rule", stats.byMapping)}
${barChartSvg("By language", stats.byLanguage)}
${barChartSvg("By repository", stats.byRepo)}
${barChartSvg("By source", stats.bySource)}
${Object.keys(stats.redacted).length ? barChartSvg("Redacted, by kind", stats.redacted) : ""}
</div>
<h2>Largest records</h2>
<table><thead><tr><th>tokens</th><th>bytes</th><th>id</th><th>where</th></tr></thead><tbody>${largest}</tbody></table>
<h2>A random sample of ${fmt(stats.sample.length)} records</h2>
<div class="controls"><input id="q" type="search" placeholder="filter: words in id, repository, text…" aria-label="filter">
<select id="rule" aria-label="mapping rule"><option value="">all rules</option>${rules}</select>
<button id="expand" type="button">expand all</button><button id="collapse" type="button">collapse all</button></div>
<p class="muted"><span id="shown">${stats.sample.length}</span> shown</p>
${stats.sample.map(renderSample).join("\n")}
<script>${SCRIPT}</script>
</body></html>
`;
}
