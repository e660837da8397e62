// An input cut into blocks of whole lines, never the whole file: a block ends at the last
// newline read so far, and the bytes after it start the next block. Lines are split on
// the byte 0x0A, so a broken UTF-8 sequence cannot hide a line end. A file is read straight
// into each block's own buffer (no copy but the partial last line, and the block's memory
// can be handed to a worker thread); a stream (stdin) is copied once into blocks.
import type { FileHandle } from "node:fs/promises";

export interface LineBlock {
  bytes: Buffer;
  /** 1-based number of the block's first line. */
  firstLine: number;
  /** Where the block starts in the input, in bytes. */
  byteOffset: number;
  /** The block alone owns `bytes.buffer`: it may be transferred to a worker without a copy. */
  owned?: boolean;
  /**
   * Hands an owned block's memory (or, from a worker, the same memory sent back) to the
   * reader for a later block, once nothing refers to it. Optional: fresh memory costs page
   * faults (about 3 ms a MB in some sandboxes, more than reading the file), not correctness.
   */
  recycle?: (buffer: ArrayBuffer) => void;
  /**
   * The block stands for one line longer than MAX_LINE_BYTES, skipped unread (`bytes` is
   * empty): this many bytes, without its line end.
   */
  overlong?: number;
}

export const BLOCK_BYTES = 1 << 20;

/**
 * The longest line read as a record. No training example is this long; a longer line is a
 * dataset written as one JSON array, or not JSONL at all. Past it the line is skipped and
 * reported, so memory stays bounded (V8 cannot even make a string of 512 MB).
 */
export const MAX_LINE_BYTES = 64 << 20;

class Cutter {
  private line = 1;
  private offset = 0;
  emit(bytes: Buffer, owned: boolean, recycle?: (buffer: ArrayBuffer) => void): LineBlock {
    const block: LineBlock = { bytes, firstLine: this.line, byteOffset: this.offset, owned, recycle };
    this.offset += bytes.length;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) this.line++;
    return block;
  }
  /** A skipped line of `length` bytes, and its line end when it has one. */
  skip(length: number, ended: boolean): LineBlock {
    const block: LineBlock = { bytes: Buffer.alloc(0), firstLine: this.line, byteOffset: this.offset, overlong: length };
    this.offset += length + (ended ? 1 : 0);
    this.line++;
    return block;
  }
}

/** Reads past the rest of an overlong line: how many more bytes it had, and what follows its line end. */
interface Skipped {
  length: number;
  ended: boolean;
  rest: Buffer;
}

/** Buffers given back by recycle, for the next reads; a few, so memory stays bounded. */
class FreeList {
  private free: ArrayBuffer[] = [];
  take(size: number): Buffer {
    const i = this.free.findIndex((b) => b.byteLength >= size);
    if (i < 0) return Buffer.allocUnsafeSlow(size);
    const [buffer] = this.free.splice(i, 1);
    return Buffer.from(buffer!, 0, size);
  }
  give = (buffer: ArrayBuffer): void => {
    if (buffer.byteLength > 0 && this.free.length < 16) this.free.push(buffer);
  };
}

interface Read {
  /** The carry (the partial line of the previous read) and what was read after it. */
  data: Buffer;
  bytesRead: number;
}

export async function* fileLineBlocks(handle: FileHandle, blockBytes = BLOCK_BYTES, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineBlock> {
  const cutter = new Cutter();
  const buffers = new FreeList();
  // Each read starts before the previous block is handed out, so that the file is read (in
  // libuv's thread pool) while that block is checked: reading 1 MB from the page cache costs
  // about as much as checking a tenth of it, and this thread would otherwise wait for it.
  const readAfter = (carry: Buffer): Promise<Read> => {
    // A line longer than a block doubles the read, so a huge line costs linear time.
    const want = Math.max(blockBytes, carry.length);
    const buf = buffers.take(carry.length + want);
    // `carry` is a view of the block about to leave: once that block is sent to a worker,
    // the view is empty. Only its copy and its length are used after this.
    const kept = carry.copy(buf, 0);
    const read = handle.read(buf, kept, want, null).then(({ bytesRead }) => ({ data: buf.subarray(0, kept + bytesRead), bytesRead }));
    read.catch(() => {}); // awaited below; this only keeps a failure from going unhandled while a block is out
    return read;
  };
  let pending: Promise<Read> | undefined = readAfter(Buffer.alloc(0));
  try {
    for (;;) {
      const read: Read = await pending;
      let { data } = read;
      pending = undefined;
      // Only the first line can be over the limit: a read is at most as long as the carry or a
      // block, both shorter than the limit, and the reads before this one ended at a line end.
      const first = data.indexOf(10);
      if (first < 0 && data.length > maxLineBytes) {
        const skipped = await skipLine(handle, blockBytes);
        yield cutter.skip(data.length + skipped.length, skipped.ended);
        pending = readAfter(skipped.rest);
        continue;
      }
      if (first > maxLineBytes) {
        yield cutter.skip(first, true);
        data = data.subarray(first + 1);
      }
      if (read.bytesRead === 0) {
        if (data.length > 0) yield cutter.emit(data, false);
        return;
      }
      const last = data.lastIndexOf(10);
      if (last < 0) {
        pending = readAfter(data);
        continue;
      }
      // The partial last line is copied to the next read's buffer now, before the block leaves:
      // its buffer may be transferred (and so emptied).
      pending = readAfter(data.subarray(last + 1));
      yield cutter.emit(data.subarray(0, last + 1), true, buffers.give);
    }
  } finally {
    // A consumer that stops early must not close the file under a read.
    await pending?.catch(() => {});
  }
}

/** Reads the file on to the end of the current line, holding one block at a time. */
async function skipLine(handle: FileHandle, blockBytes: number): Promise<Skipped> {
  const buf = Buffer.allocUnsafe(blockBytes);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buf, 0, buf.length, null);
    if (bytesRead === 0) return { length, ended: false, rest: Buffer.alloc(0) };
    const nl = buf.subarray(0, bytesRead).indexOf(10);
    if (nl >= 0) return { length: length + nl, ended: true, rest: Buffer.from(buf.subarray(nl + 1, bytesRead)) };
    length += bytesRead;
  }
}

export async function* streamLineBlocks(chunks: AsyncIterable<Buffer | string>, blockBytes = BLOCK_BYTES, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineBlock> {
  const cutter = new Cutter();
  let parts: Buffer[] = [];
  let size = 0;
  /** Bytes of an overlong line seen so far, while skipping it; -1 when not skipping. */
  let skipping = -1;
  for await (const raw of chunks) {
    let chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    if (skipping >= 0) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        skipping += chunk.length;
        continue;
      }
      yield cutter.skip(skipping + nl, true);
      skipping = -1;
      chunk = chunk.subarray(nl + 1);
    }
    parts.push(chunk);
    size += chunk.length;
    if (size < blockBytes) continue;
    let all = Buffer.concat(parts, size);
    const first = all.indexOf(10);
    if (first < 0 && size > maxLineBytes) {
      skipping = size;
      parts = [];
      size = 0;
      continue;
    }
    if (first > maxLineBytes) {
      yield cutter.skip(first, true);
      all = all.subarray(first + 1);
      size = all.length;
    }
    const last = all.lastIndexOf(10);
    if (last < 0) {
      parts = [all];
      continue;
    }
    yield cutter.emit(all.subarray(0, last + 1), false);
    const rest = all.subarray(last + 1);
    parts = rest.length > 0 ? [rest] : [];
    size = rest.length;
  }
  if (skipping >= 0) yield cutter.skip(skipping, false);
  else if (size > 0) yield cutter.emit(Buffer.concat(parts, size), false);
}
