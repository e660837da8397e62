// Length bins for the token histogram: doubling widths, since record lengths span from a
// one-line commit message to a thousand-line diff. Shared by the terminal and HTML views.
export interface Bin {
  from: number;
  /** Exclusive; undefined for the last, open bin. */
  to: number | undefined;
  count: number;
}

const EDGES = [0, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

/** The bins from the first to the last non-empty one (all of them empty: none). */
export function histogramBins(counts: Uint32Array): Bin[] {
  const bins: Bin[] = EDGES.map((from, i) => {
    const to = EDGES[i + 1];
    let count = 0;
    for (let len = from; len < (to ?? counts.length); len++) count += counts[len] ?? 0;
    return { from, to, count };
  });
  const first = bins.findIndex((b) => b.count > 0);
  if (first === -1) return [];
  const last = bins.length - 1 - [...bins].reverse().findIndex((b) => b.count > 0);
  return bins.slice(first, last + 1);
}

/** Inclusive bounds, as a reader expects: "32–63", "65536+". */
export function binLabel(bin: Bin): string {
  return bin.to === undefined ? `${bin.from}+` : `${bin.from}–${bin.to - 1}`;
}
