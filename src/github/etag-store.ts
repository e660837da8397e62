// ETags of list requests, so that a rerun can ask "changed since?" with If-None-Match.
// The store is passed in: the CLI persists it in the --state file between runs, and only
// after a successful write (an ETag stored by a run that then failed would hide changes).

export interface EtagStore {
  get(url: string): string | undefined;
  set(url: string, etag: string): void;
}

export interface MemoryEtagStore extends EtagStore {
  /** Every entry, to persist. */
  toJSON(): Record<string, string>;
  /**
   * Only the entries this run asked for or stored: list URLs carry the watermark, so
   * older URLs are never asked again and need not be kept.
   */
  touched(): Record<string, string>;
}

/** A store in memory, seeded from (and dumped back to) a plain object. */
export function createMemoryEtagStore(initial: Record<string, string> = {}): MemoryEtagStore {
  const etags = new Map(Object.entries(initial));
  const used = new Set<string>();
  return {
    get(url) {
      if (etags.has(url)) used.add(url);
      return etags.get(url);
    },
    set(url, etag) {
      etags.set(url, etag);
      used.add(url);
    },
    toJSON: () => Object.fromEntries(etags),
    touched: () => Object.fromEntries([...used].map((url) => [url, etags.get(url) as string])),
  };
}
