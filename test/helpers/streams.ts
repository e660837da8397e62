// Small stream helpers shared by the tests.
import { PassThrough, Writable } from "node:stream";

/** Every item of an async iterable, in order. */
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** stdout and stderr streams whose text is kept, for commands that take an io object. */
export function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: "", err: "" };
  stdout.on("data", (c: Buffer) => (text.out += c.toString()));
  stderr.on("data", (c: Buffer) => (text.err += c.toString()));
  return { io: { stdout, stderr }, text };
}

/** A writable stream that keeps what was written, as text. */
export class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}
