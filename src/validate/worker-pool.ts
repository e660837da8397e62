// Big inputs are checked by worker threads, one block of lines at a time: parsing and the
// credential rules are CPU-bound, and this leaves the main thread to read the file and
// fold results in order. Blocks go round-robin; each worker answers its blocks in order.
import { Worker } from "node:worker_threads";
import type { LineResult } from "./check-line.js";
import type { LineBlock } from "./line-blocks.js";
import type { BlockChecker, EngineOptions } from "./validate-files.js";

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
  byteOffset: number;
}

export type WorkerReply = { id: number; results: LineResult[] } | { id: number; error: string };

// Built, the worker is a .js file beside this one. Under tsx (tests, a bench from source)
// it is .ts, and a worker thread does not inherit tsx's loader: register it there first.
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./block-worker.ts" : "./block-worker.js", import.meta.url);

function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export async function workerPool(options: EngineOptions): Promise<BlockChecker> {
  const pending = new Map<number, { resolve: (r: LineResult[]) => void; reject: (e: Error) => void }>();
  const { redactorInstance: _, ...workerData } = options;
  const workers = Array.from({ length: options.jobs }, () => startWorker(workerData));
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  for (const worker of workers) {
    worker.on("message", (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
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
    window: options.jobs * 3,
    check(block: LineBlock) {
      const id = next++;
      // The worker must own the memory it is sent: the block's own, or a copy.
      const bytes = block.owned ? new Uint8Array(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength) : Uint8Array.from(block.bytes);
      const request: WorkerRequest = { id, bytes, firstLine: block.firstLine, byteOffset: block.byteOffset };
      return new Promise<LineResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage(request, [bytes.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
