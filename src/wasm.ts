// The WebAssembly kernels' loader. A kernel (a .wat file beside the module that uses it,
// assembled by scripts/build-wasm.ts into a -wasm.ts module of base64) is compiled once per
// thread, then each user gets an instance with its own memory. Where WebAssembly is missing
// (node --jitless), the users fall back to JavaScript.

/** The little of the WebAssembly API used here (@types/node 20 does not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

const WASM_PAGE = 65536;

const compiled = new Map<string, object>();

/** A new instance of the kernel, whose exports are `T`; undefined where WebAssembly is missing. */
export function instantiate<T>(base64: string): T | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return undefined;
  let module = compiled.get(base64);
  if (!module) {
    module = new api.Module(Buffer.from(base64, "base64"));
    compiled.set(base64, module);
  }
  return new api.Instance(module, {}).exports as T;
}

/** Views of a memory, renewed when it grows (growing replaces its ArrayBuffer). */
export class MemoryViews {
  bytes = Buffer.alloc(0);
  ints = new Int32Array(0);
  constructor(private readonly memory: WasmMemory) {}

  /** Grows the memory to at least `size` bytes. Only this grows it, so the views' size says when to. */
  room(size: number): void {
    if (size <= this.bytes.length) return; // the common case: no call into the engine (memory.buffer is one)
    const have = this.memory.buffer.byteLength;
    if (have < size) this.memory.grow(Math.ceil((size - have) / WASM_PAGE));
    this.bytes = Buffer.from(this.memory.buffer);
    this.ints = new Int32Array(this.memory.buffer);
  }
}
