// `gh-harvest card FILE -o README.md`: a Hugging Face dataset card for a JSONL file.
import { basename } from "node:path";
import { collectCardFacts } from "../card/collect-card.js";
import { renderCard } from "../card/render-card.js";
import { UsageError } from "../errors.js";
import { assertReadable } from "../stats/read-records.js";
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
}

export interface CardIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runCard(file: string, options: CardCommandOptions, io: CardIO): Promise<number> {
  if (options.license !== undefined && !/^[a-z0-9][a-z0-9.+-]*$/i.test(options.license)) {
    throw new UsageError(`--license: expected a licence identifier such as mit or apache-2.0, got "${options.license}"`);
  }
  await assertReadable(file);
  const facts = await collectCardFacts(file);
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
