// `gh-harvest card FILE -o README.md`: a Hugging Face dataset card for a JSONL file.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { collectCardFacts } from "../card/collect-card.js";
import { renderCard } from "../card/render-card.js";
import { UsageError } from "../errors.js";
import { assertReadable } from "../stats/read-records.js";
import { credentialRedactor } from "../validate/validate-files.js";
import { openAtomicFile } from "../write/atomic-file.js";

export interface CardCommandOptions {
  /** Where the card goes; `-` is stdout. Written atomically. */
  out: string;
  /** The dataset's licence, an identifier from https://huggingface.co/docs/hub/repositories-licenses. Default "other". */
  license?: string;
  /** pretty_name and title; default: the file's name. */
  name?: string;
  /** Known licences of source repositories (OWNER/REPO -> licence). */
  repoLicenses?: Record<string, string>;
  /** Replace an existing file that is not a card gh-harvest wrote (a project's own README.md). */
  force?: boolean;
}

export interface CardIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * -o defaults to README.md, which in most folders is the project's own: replaced only when
 * it is a card gh-harvest wrote (its front matter's tags hold gh-harvest), or with --force.
 */
async function assertReplaceable(path: string): Promise<void> {
  const head = await readFile(path, "utf8").then(
    (text) => text.slice(0, 4096),
    () => undefined,
  );
  if (head === undefined) return;
  if (/^---\r?\n[\s\S]*?^\s*- gh-harvest\s*$[\s\S]*?^---/m.test(head)) return;
  throw new UsageError(`${path} exists and is not a dataset card gh-harvest wrote; name another file with -o, or replace it with --force`);
}

export async function runCard(file: string, options: CardCommandOptions, io: CardIO): Promise<number> {
  if (options.license !== undefined && !/^[a-z0-9][a-z0-9.+-]*$/i.test(options.license)) {
    throw new UsageError(`--license: expected a licence identifier such as mit or apache-2.0, got "${options.license}"`);
  }
  await assertReadable(file);
  if (options.out !== "-" && !options.force) await assertReplaceable(options.out);
  const redactor = credentialRedactor();
  const facts = await collectCardFacts(file, { scan: (t) => redactor.scan(t) });
  if (facts.recordsWithCredentials > 0) {
    io.stderr.write(`gh-harvest: warning: ${file}: ${facts.recordsWithCredentials} record${facts.recordsWithCredentials === 1 ? " holds" : "s hold"} what look like credentials; the card says so (gh-harvest validate says where)\n`);
  }
  if (facts.skipped > 0) io.stderr.write(`gh-harvest: warning: ${file}: ${facts.skipped} line${facts.skipped === 1 ? "" : "s"} not counted (not records; see gh-harvest validate)\n`);
  const card = renderCard(facts, { dataFile: basename(file), license: options.license?.toLowerCase(), name: options.name, repoLicenses: options.repoLicenses });
  if (options.out === "-") {
    io.stdout.write(card);
    return 0;
  }
  const sink = await openAtomicFile(options.out);
  try {
    await sink.write(card);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  io.stderr.write(`dataset card for ${facts.records.toLocaleString("en-US")} records written to ${options.out}\n`);
  return 0;
}
