// The sampled records as HTML: every text escaped; diffs coloured line by line.
import { escapeHtml } from "./html-charts.js";
import type { Sample } from "./collect.js";

// Lines that belong to a unified diff once one has started (git's extended headers too).
const DIFF_LINE = /^(?:[ +\-\\@]|diff |index |new file|deleted file|old mode|new mode|similarity |dissimilarity |rename |copy |Binary files)/;

/** Plain text, with any unified diff inside it coloured: additions, deletions, hunks, file headers. */
export function renderText(text: string): string {
  let inDiff = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^(diff --git |@@ |--- a\/)/.test(line)) inDiff = true;
      else if (inDiff && line !== "" && !DIFF_LINE.test(line)) inDiff = false;
      const html = escapeHtml(line);
      if (!inDiff) return html;
      const kind = /^(diff |index |--- |\+\+\+ |new file|deleted file|similarity |rename )/.test(line)
        ? "file"
        : line.startsWith("@@")
          ? "hunk"
          : line.startsWith("+")
            ? "add"
            : line.startsWith("-")
              ? "del"
              : "";
      return kind ? `<span class="${kind}">${html}</span>` : html;
    })
    .join("\n");
}

/** The first record is shown open, so the page shows a rendered record without a click. */
export function renderSample(sample: Sample, index: number): string {
  const field = (name: string, text: string) =>
    text === "" ? "" : `<h4>${name}</h4><pre>${renderText(text)}</pre>`;
  const langs = sample.languages.length ? sample.languages.join(", ") : "";
  const search = [sample.id, sample.mapping, sample.repo, sample.source, langs].join(" ").toLowerCase();
  return (
    `<details class="record"${index === 0 ? " open" : ""} data-mapping="${escapeHtml(sample.mapping)}" data-search="${escapeHtml(search)}">` +
    `<summary><span class="idx">#${index + 1}</span> <code>${escapeHtml(sample.id)}</code>` +
    `<span class="tag">${escapeHtml(sample.mapping)}</span><span class="tag">${escapeHtml(sample.repo)}</span>` +
    (langs ? `<span class="tag">${escapeHtml(langs)}</span>` : "") +
    `<span class="tokens">${sample.tokens.toLocaleString("en-US")} tokens</span></summary>` +
    `<p class="where">${escapeHtml(`${sample.file}:${sample.line}`)}${sample.url ? ` · ${escapeHtml(sample.url)}` : ""}` +
    `${sample.truncated ? " · long texts cut for this page" : ""}</p>` +
    field("instruction", sample.instruction) +
    field("input", sample.input) +
    field("output", sample.output) +
    `</details>`
  );
}
