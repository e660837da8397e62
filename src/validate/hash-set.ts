// Duplicates in constant memory per record: each record is remembered as a 64-bit hash of its
// identity, with its line number and file, in flat typed arrays (16 bytes a slot at most half
// full: about 32 bytes a record, 32 MB for a million). At 64 bits, a false "duplicate" needs ~4
// billion records to become likely.
//
// The hash is hash.wat's (MurmurHash3's 64-bit mixing, in WebAssembly) over the identity's
// UTF-8 bytes: not cryptographic, since nobody gains from forging a duplicate (it is a
// warning). identityHash costs 0.46 ms/MB in all, most of it writing the UTF-8, against 1.2
// with SHA-256 in C++ (the call, the Hash object, the digest); the same mixing in JavaScript
// was slow until V8 optimized it. Where WebAssembly is missing (node --jitless), SHA-256 of
// the same bytes.
import { createHash, type Hash } from "node:crypto";
import { instantiate, MemoryViews, type WasmMemory } from "../wasm.js";
import { WASM_BASE64 } from "./hash-wasm.js";

/** Longest slice of a part written at once, in characters (3 bytes of UTF-8 at most each). */
const SLICE = 256 * 1024;

/** A hash fed through a scratch buffer: the parts are written into it, then consumed. */
interface Hasher {
  scratch: Buffer;
  reset(): void;
  /** Consumes what it can of the first `n` bytes of scratch; returns how many bytes it left at its start. */
  consume(n: number): number;
  /** Consumes the first `n` bytes of scratch and returns 64 bits of the hash. */
  finish(n: number): [number, number];
}

interface HashKernel {
  memory: WasmMemory;
  reset(): void;
  mix(p: number, words: number): void;
  finish(total: number): void;
}

/** Where the bytes to hash start in the kernel's memory (the result is at 0). */
const SCRATCH_AT = 64;
const SCRATCH_BYTES = SLICE * 3 + 64;

function wasmHasher(): Hasher | undefined {
  const kernel = instantiate<HashKernel>(WASM_BASE64);
  if (!kernel) return undefined;
  const memory = new MemoryViews(kernel.memory);
  memory.room(SCRATCH_AT + SCRATCH_BYTES);
  let total = 0;
  const hasher: Hasher = {
    scratch: memory.bytes.subarray(SCRATCH_AT, SCRATCH_AT + SCRATCH_BYTES),
    reset() {
      kernel.reset();
      total = 0;
    },
    consume(n) {
      const words = n >> 3;
      kernel.mix(SCRATCH_AT, words);
      total += words * 8;
      hasher.scratch.copy(hasher.scratch, 0, words * 8, n);
      return n & 7;
    },
    finish(n) {
      const left = hasher.consume(n);
      if (left > 0) {
        hasher.scratch.fill(0, left, 8);
        kernel.mix(SCRATCH_AT, 1);
      }
      kernel.finish(total + left);
      return [memory.ints[0]! >>> 0, memory.ints[1]! >>> 0];
    },
  };
  return hasher;
}

function sha256Hasher(): Hasher {
  let hash: Hash = createHash("sha256");
  const hasher: Hasher = {
    scratch: Buffer.allocUnsafeSlow(SCRATCH_BYTES),
    reset() {
      hash = createHash("sha256");
    },
    consume(n) {
      hash.update(hasher.scratch.subarray(0, n));
      return 0;
    },
    finish(n) {
      const d = hash.update(hasher.scratch.subarray(0, n)).digest();
      return [d.readUInt32LE(0), d.readUInt32LE(4)];
    },
  };
  return hasher;
}

let shared: Hasher | undefined;

/** 64 bits of the hash of the parts, each prefixed by its length so that parts cannot run into each other. */
export function identityHash(parts: readonly string[]): [number, number] {
  const h = (shared ??= wasmHasher() ?? sha256Hasher());
  const { scratch } = h;
  h.reset();
  let n = 0; // bytes in scratch not consumed yet
  for (const part of parts) {
    if (n + 24 > scratch.length) n = h.consume(n);
    n += scratch.write(`${part.length}:`, n, "latin1");
    // Slices at fixed offsets of the part: the same part is always written the same way.
    for (let at = 0; at < part.length; at += SLICE) {
      const slice = at === 0 && part.length <= SLICE ? part : part.slice(at, at + SLICE);
      if (n + slice.length * 3 > scratch.length) n = h.consume(n);
      n += scratch.write(slice, n, "utf8");
    }
  }
  return h.finish(n);
}

/** Where a record was first seen: the index of its file among those of the run, and its line. */
export interface FirstSeen {
  file: number;
  line: number;
}

export class DuplicateSet {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  /** 0 marks an empty slot; line numbers start at 1. */
  private lines = new Uint32Array(1024);
  private files = new Uint32Array(1024);
  private size = 0;

  /** Remembers the record; returns the line of an earlier one with the same identity. */
  add(parts: readonly string[], line: number): number | undefined {
    const [hi, lo] = identityHash(parts);
    return this.addHash(hi, lo, line)?.line;
  }

  /** Whether a record with the same identity was remembered. */
  has(parts: readonly string[]): boolean {
    const [hi, lo] = identityHash(parts);
    const mask = this.lines.length - 1;
    for (let i = lo & mask; this.lines[i] !== 0; i = (i + 1) & mask) if (this.lo[i] === lo && this.hi[i] === hi) return true;
    return false;
  }

  /** Remembers a record by its hash; returns where an earlier one with the same hash was. */
  addHash(hi: number, lo: number, line: number, file = 0): FirstSeen | undefined {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const mask = this.lines.length - 1;
    let i = lo & mask;
    while (this.lines[i] !== 0) {
      if (this.lo[i] === lo && this.hi[i] === hi) return { file: this.files[i]!, line: this.lines[i]! };
      i = (i + 1) & mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.lines[i] = line;
    this.files[i] = file;
    this.size++;
    return undefined;
  }

  private grow(): void {
    const { hi, lo, lines, files } = this;
    this.hi = new Uint32Array(lines.length * 2);
    this.lo = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    this.files = new Uint32Array(lines.length * 2);
    this.size = 0;
    for (let i = 0; i < lines.length; i++) if (lines[i] !== 0) this.addHash(hi[i]!, lo[i]!, lines[i]!, files[i]!);
  }
}
