// An output file that appears whole or not at all: lines go to a temporary file beside
// the target, renamed over it only when the run succeeds. A failed or interrupted run
// removes the temporary file and leaves the previous output as it was.
import { createReadStream, createWriteStream, rmSync, type WriteStream } from "node:fs";
import { chmod, mkdir, open, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { UsageError } from "../errors.js";

export interface LineSink {
  /** Resolves when the line is buffered; waits for the disk when the buffer is full. */
  write(line: string): Promise<void>;
  /** Makes the output final (rename). */
  commit(): Promise<void>;
  /** Drops what was written; the target is left untouched. */
  abort(): Promise<void>;
  /** Standard output's reader went away (`| head`): later lines go nowhere, so stop making them. */
  readonly closed?: boolean;
}

export interface AtomicFileOptions {
  /** Start the new file with the current content of the target (for --append). */
  keepExisting?: boolean;
}

let counter = 0;

export async function openAtomicFile(given: string, options: AtomicFileOptions = {}): Promise<LineSink> {
  // A device or a pipe (-o /dev/null, -o /dev/stderr, a FIFO) is written in place: renaming
  // a regular file over it would replace the device itself (we may well run as root).
  const existing = await stat(given).catch(() => undefined);
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) throw new UsageError(`${given}: is a directory; name a file`);
    return streamSink(createWriteStream(given, { flags: "a" }));
  }
  // Through a symbolic link, the file it points to is replaced (as an editor saves it), not
  // the link by a file of its own.
  const target = existing ? await realpath(given) : given;
  // `-o dataset/train.jsonl` into a folder that does not exist yet makes it, as --state and
  // the Action do (and eslint's --output-file).
  if (!existing) {
    await mkdir(dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${given}: cannot make its folder (${error.code ?? error.message})`);
    });
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${counter++}.tmp`);
  const stream = createWriteStream(temp, { flags: "wx" });
  await once(stream, "open").catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${given}: cannot write there (${error.code ?? error.message})`);
  });
  // The new file keeps the old one's permissions: a dataset made private (0600) stays so.
  if (existing) await chmod(temp, existing.mode & 0o7777);
  if (options.keepExisting && existing) {
    await pipeline(createReadStream(target), stream, { end: false }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    // A file whose last line has no line end (edited by hand) would glue the first new record to it.
    if (existing.size > 0 && !(await endsWithNewline(target, existing.size))) await writeLine(stream, "\n");
  }
  let done = false;
  // An exit that does not wait for abort() (a second Ctrl-C, process.exit) still removes the
  // temporary file: 'exit' listeners run then, and only synchronous code does.
  const removeOnExit = () => rmSync(temp, { force: true });
  process.once("exit", removeOnExit);
  return {
    write: (line) => writeLine(stream, line),
    async commit() {
      if (done) return;
      done = true;
      await closeStream(stream);
      await rename(temp, target);
      process.off("exit", removeOnExit);
    },
    async abort() {
      if (done) return;
      done = true;
      await closeStream(stream).catch(() => {});
      await rm(temp, { force: true });
      process.off("exit", removeOnExit);
    },
  };
}

function streamSink(stream: WriteStream): LineSink {
  return {
    write: (line) => writeLine(stream, line),
    commit: () => closeStream(stream),
    abort: () => closeStream(stream).catch(() => {}),
  };
}

/**
 * Standard output: nothing to make atomic, but backpressure still matters. EPIPE is how a
 * pipe says its reader is done (`gh-harvest local . | head`): not an error of ours; the sink
 * says it is closed, and the writer stops, as git does.
 */
export function stdoutSink(stream: NodeJS.WritableStream = process.stdout): LineSink {
  let closed = false;
  let failure: Error | undefined;
  // Kept for the sink's whole life: an EPIPE of the last write may come after commit.
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") closed = true;
    else failure ??= e;
  });
  return {
    get closed() {
      return closed;
    },
    async write(line) {
      if (failure) throw failure;
      if (closed) return;
      try {
        await writeLine(stream, line);
      } catch (e) {
        // A pipe already closed can fail the write itself, not only emit "error".
        if ((e as NodeJS.ErrnoException).code !== "EPIPE") throw e;
        closed = true;
      }
    },
    commit: async () => {
      if (failure) throw failure;
    },
    abort: async () => {},
  };
}

async function endsWithNewline(path: string, size: number): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 10;
  } finally {
    await handle.close();
  }
}

async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, "drain");
}

async function closeStream(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  stream.end();
  await once(stream, "close");
}
