// Bounded concurrency that keeps order: up to `concurrency` items are being worked on,
// results come out in input order. Per-item API requests (diffs) overlap this way
// without reordering the stream or reading the whole source ahead.

export async function* mapOrdered<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<{ item: T; result: R }> {
  const inFlight: { item: T; result: Promise<R> }[] = [];
  const iterator = (Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]()) as
    | AsyncIterator<T>
    | Iterator<T>;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && inFlight.length < Math.max(1, concurrency)) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const result = work(next.value);
        // Awaited in order below; meanwhile a rejection must not count as unhandled.
        result.catch(() => {});
        inFlight.push({ item: next.value, result });
      }
      const head = inFlight.shift();
      if (!head) return;
      yield { item: head.item, result: await head.result };
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
