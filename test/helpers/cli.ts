// Runs the CLI in-process with captured streams, as a user would from a shell.
import { PassThrough } from "node:stream";
import { main, type CliIO } from "../../src/cli.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string; signal?: AbortSignal } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? "");
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const io: CliIO = {
    stdout,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin,
    env: options.env ?? {},
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(args, io);
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}
