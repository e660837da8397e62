// A worker thread of the pool: builds the same checks as the main thread from plain-data
// options, then checks each block it is sent and answers with the results.
import { parentPort, workerData } from "node:worker_threads";
import { checkBlock } from "./check-block.js";
import { loadTokenCounter } from "./tokens.js";
import { lineCheckOptions, type EngineOptions } from "./validate-files.js";
import type { WorkerReply, WorkerRequest } from "./worker-pool.js";

const engine = workerData as EngineOptions;
const options = lineCheckOptions(engine, await loadTokenCounter(engine.tokenizer));

parentPort!.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    reply = { id: request.id, results: checkBlock({ bytes, firstLine: request.firstLine, byteOffset: request.byteOffset, overlong: request.overlong }, options) };
  } catch (e) {
    reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
  reply.buffer = request.bytes.buffer as ArrayBuffer;
  parentPort!.postMessage(reply, [reply.buffer]);
});
