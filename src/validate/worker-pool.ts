// Big inputs are checked by worker threads and the main thread together, one block of
// lines at a time: parsing and the credential rules are CPU-bound; the main thread also
// reads the file and folds results in order. Blocks go round-robin; each worker answers
// its blocks in order, and sends each block's memory back for the reader to reuse.
import { Worker } from "node:worker_threads";
import type { LineResult } from "./check-line.js";
import type { LineBlock } from "./line-blocks.js";
import type { BlockChecker, EngineOptions } from "./validate-files.js";

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
  byteOffset: number;
  overlong?: number;
}

/** The request's memory comes back with the answer, for the reader to reuse. */
export type WorkerReply = ({ id: number; results: LineResult[] } | { id: number; error: string }) & { buffer?: ArrayBuffer };

// Built, the worker is a .js file beside this one. Under tsx (tests, a bench from source)
// it is .ts, and a worker thread does not inherit tsx's loader: register it there first.
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./block-worker.ts" : "./block-worker.js", import.meta.url);

function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** Blocks queued at a worker: enough that it never waits for the next one. */
const WORKER_DEPTH = 2;

/**
 * `options.jobs` workers; with `local`, this thread checks a block itself whenever every
 * worker already has WORKER_DEPTH blocks: it is idle otherwise, its blocks cost no copy,
 * and it keeps going while the workers start (some 0.2 s) or fall behind.
 */
export async function workerPool(options: EngineOptions, local?: BlockChecker): Promise<BlockChecker> {
  const pending = new Map<number, { worker: number; resolve: (r: LineResult[]) => void; reject: (e: Error) => void; recycle?: (buffer: ArrayBuffer) => void }>();
  const { redactorInstance: _, ...workerData } = options;
  const workers = Array.from({ length: options.jobs }, () => startWorker(workerData));
  const queued = workers.map(() => 0);
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  for (const worker of workers) {
    worker.on("message", (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      queued[p.worker]!--;
      if (reply.buffer) p.recycle?.(reply.buffer);
      if ("error" in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.results);
    });
    worker.on("error", failAll);
    worker.on("exit", (code) => {
      if (code !== 0) failAll(new Error(`a validation worker stopped (exit code ${code})`));
    });
  }
  let next = 0;
  return {
    // Results wait in file order: room for this thread to run ahead of a slow worker.
    window: workers.length * WORKER_DEPTH + (local ? 8 : 1),
    check(block: LineBlock) {
      let target = 0;
      for (let w = 1; w < workers.length; w++) if (queued[w]! < queued[target]!) target = w;
      if (local && queued[target]! >= WORKER_DEPTH) return local.check(block);
      const id = next++;
      // The worker must own the memory it is sent: the block's own, or a copy.
      const bytes = block.owned ? new Uint8Array(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength) : Uint8Array.from(block.bytes);
      const request: WorkerRequest = { id, bytes, firstLine: block.firstLine, byteOffset: block.byteOffset, overlong: block.overlong };
      queued[target]!++;
      return new Promise<LineResult[]>((resolve, reject) => {
        pending.set(id, { worker: target, resolve, reject, recycle: block.owned ? block.recycle : undefined });
        workers[target]!.postMessage(request, [bytes.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
