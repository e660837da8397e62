// extract → map → redact → validate → write, in one streaming pass, counting what was
// skipped and why. Knows its neighbours only by their interfaces.
import { languageOf, languagesOf } from "./diff/languages.js";
import { patchId } from "./diff/patch-id.js";
import { keepApplicable, type OmittedSection } from "./diff/redacted-hunks.js";
import { RunError } from "./errors.js";
import { BOT_AUTHOR, isBotItem } from "./github/bots.js";
import { shapeRecord, type Format, type OutputRecord } from "./formats.js";
import type { Logger } from "./log.js";
import type { Person, SourceRecord, Triple } from "./records.js";
import { isCredentialKind, namesReplacer, type Pseudonymizer, type Redactor } from "./redact.js";
import { applyRule, type Rule } from "./rules/rule.js";
import type { LineSink } from "./write/atomic-file.js";
import type { Balancer, Deduper } from "./curate/index.js";

export const SECRET_POLICIES = ["redact", "drop", "fail"] as const;
export type SecretPolicy = (typeof SECRET_POLICIES)[number];

export interface PipelineProblem {
  code: string;
  severity: "error" | "warning";
  message: string;
}

export interface PipelineOptions {
  rules: readonly Rule[];
  format: Format;
  /** Stop after this many records; with a balancer, the balancer's own limit applies. */
  limit?: number;
  includeBots: boolean;
  onSecret: SecretPolicy;
  /** --match, --languages: why a triple is not wanted, or undefined to keep it. */
  select?: (triple: Triple) => string | undefined;
  /** --dedup near: drops a triple too close to one already written. */
  deduper?: Pick<Deduper, "isDuplicate">;
  /** --balance: lines are offered to it, and its even mix is written at the end. */
  balancer?: Pick<Balancer, "offer" | "drain" | "groups">;
  /** --pseudonymize: authors' logins and names in the texts become stable pseudonyms. */
  pseudonymize?: Pseudonymizer;
}

export interface PipelineDeps {
  redactor: Redactor;
  /** The validator's checks on one triple; any error rejects it. */
  check: (triple: Triple) => readonly PipelineProblem[];
  isBot: (person: Person) => boolean;
  log: Logger;
  out: LineSink;
  rejects?: LineSink;
  /** Ids already in the output (--append): not written again. */
  skipIds?: ReadonlySet<string>;
  /** --append: whether the output already holds a record with this content (under another id). */
  holds?: (record: OutputRecord) => boolean;
}

export interface RunSummary {
  scanned: number;
  written: number;
  byMapping: Record<string, number>;
  skipped: Record<string, number>;
  rejected: number;
  /** The rejected records by the code of their first reason (duplicate, secret, diff-does-not-apply, ...). */
  rejectedBy: Record<string, number>;
  redacted: Record<string, number>;
  /** The run stopped at --limit, so the source was not read to its end. */
  limitReached: boolean;
  /** Standard output's reader went away (`| head`): the run stopped there, the source not read to its end. */
  readerClosed: boolean;
}

const TEXT_FIELDS = ["instruction", "input", "output"] as const;

export async function runPipeline(
  records: AsyncIterable<SourceRecord>,
  options: PipelineOptions,
  deps: PipelineDeps,
): Promise<RunSummary> {
  const summary: RunSummary = { scanned: 0, written: 0, byMapping: {}, skipped: {}, rejected: 0, rejectedBy: {}, redacted: {}, limitReached: false, readerClosed: false };
  const skip = (reason: string) => {
    summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
  };
  const reject = async (triple: Triple, reasons: readonly PipelineProblem[]) => {
    summary.rejected++;
    const code = reasons[0]?.code ?? "invalid";
    summary.rejectedBy[code] = (summary.rejectedBy[code] ?? 0) + 1;
    if (!deps.rejects) return;
    const line = { reasons: reasons.map(({ code, message }) => ({ code, message })), record: shapeRecord(triple, options.format) };
    await deps.rejects.write(`${JSON.stringify(line)}\n`);
  };

  // Redactions are counted for the records written, as `stats` counts their meta.redacted: a
  // record dropped for its credential (--on-secret drop) or rejected later had none written.
  const write = async (line: string, meta: Pick<Triple["meta"], "mapping" | "redacted">) => {
    await deps.out.write(line);
    summary.written++;
    summary.byMapping[meta.mapping] = (summary.byMapping[meta.mapping] ?? 0) + 1;
    for (const [kind, n] of Object.entries(meta.redacted ?? {})) summary.redacted[kind] = (summary.redacted[kind] ?? 0) + n;
  };

  // Every author met so far: a name may turn up in a later record's text (a reply, a
  // Co-authored-by line). Bounded by the number of contributors, not of records.
  const people = new Set<string>();
  let replaceNames = (text: string) => text;
  let namesKnown = 0;
  // Per rule, the changes already written: a cherry-pick or backport is kept once.
  const changes = new Map<string, Set<string>>();

  for await (const record of records) {
    summary.scanned++;
    if (options.pseudonymize) {
      for (const name of namesOf(record)) people.add(name);
      if (people.size !== namesKnown) {
        namesKnown = people.size;
        replaceNames = namesReplacer(people, options.pseudonymize);
      }
    }
    deps.log.progress(`${summary.scanned} ${record.kind === "commit" ? "commits" : "items"} scanned, ${summary.written} records written`);
    if (!options.includeBots && isBotItem(record, deps.isBot)) {
      skip(BOT_AUTHOR);
      continue;
    }
    // The record's change, worked out once for the rules that read its diff (a pull request's two).
    let recordChange: string | undefined;
    for (const rule of options.rules) {
      if (rule.source !== record.kind) continue;
      const result = applyRule(rule, record);
      if ("skip" in result) {
        skip(`${rule.name}: ${result.skip}`);
        continue;
      }
      const triple = result.triple;
      const change = rule.usesDiff && (record.kind === "commit" || record.kind === "pull") ? (recordChange ??= patchId(record.diff.text)) : undefined;
      if (deps.skipIds?.has(triple.meta.id)) {
        // Still this rule's change: a backport of it later in the run is left out, as it was
        // by the run that wrote this record.
        if (change) changes.set(rule.name, (changes.get(rule.name) ?? new Set()).add(change));
        skip("already in the output");
        continue;
      }
      if (change && changes.get(rule.name)?.has(change)) {
        skip("same change as an earlier record (cherry-pick)");
        continue;
      }
      describeDiff(triple, record, rule);
      const unwanted = options.select?.(triple);
      if (unwanted) {
        skip(unwanted);
        continue;
      }
      const diffs = diffFields(rule, record).map((field) => ({ field, before: triple[field] }));
      const found = redactTriple(triple, deps.redactor, diffs.map((d) => d.field));
      if (options.pseudonymize) for (const field of TEXT_FIELDS) triple[field] = replaceNames(triple[field]);
      // E-mail addresses and --redact-pattern matches are redacted, not treated as leaks.
      const secrets = found.map((f) => f.kind).filter(isCredentialKind);
      if (secrets.length > 0) {
        if (options.onSecret === "fail") {
          throw new RunError(`${triple.meta.id}: found a credential (${secrets[0]}); stopping because of --on-secret fail`);
        }
        if (options.onSecret === "drop") {
          await reject(triple, [{ code: "secret", severity: "error", message: `contained ${[...new Set(secrets)].join(", ")} (redacted here)` }]);
          continue;
        }
      }
      // What redaction (or --pseudonymize) rewrote on an unchanged or removed line must not
      // leave a diff that no longer applies: the line is cut out of its hunk, or its file out
      // of the diff, or the record goes when no file is left.
      const kept = keepDiffsApplicable(triple, diffs);
      if (!kept.ok) {
        await reject(triple, [{ code: "diff-does-not-apply", severity: "error", message: kept.reason }]);
        continue;
      }
      if (kept.omitted.length > 0) {
        describeDiff(triple, record, rule, new Set(kept.omitted.map((o) => o.path)));
        countRedacted(triple, found.filter((f) => !kept.omitted.some((o) => o.field === f.field && o.start <= f.start && f.start < o.end)));
        // Chosen for a language or a match the left-out file held, it is not what was asked for.
        const unwanted = options.select?.(triple);
        if (unwanted) {
          skip(unwanted);
          continue;
        }
      }
      const errors = deps.check(triple).filter((p) => p.severity === "error");
      if (errors.length > 0) {
        await reject(triple, errors);
        continue;
      }
      if (options.deduper?.isDuplicate(triple)) {
        skip("near duplicate");
        continue;
      }
      if (change) changes.set(rule.name, (changes.get(rule.name) ?? new Set()).add(change));
      const shaped = shapeRecord(triple, options.format);
      if (deps.holds?.(shaped)) {
        skip("same content as a record already in the output");
        continue;
      }
      const line = `${JSON.stringify(shaped)}\n`;
      if (options.balancer) {
        options.balancer.offer(triple, line);
        continue;
      }
      await write(line, triple.meta);
      if (deps.out.closed) {
        summary.readerClosed = true;
        return summary;
      }
      if (options.limit !== undefined && summary.written >= options.limit) {
        summary.limitReached = true;
        return summary; // leaving the loop closes the extractor (and its git process)
      }
    }
  }
  if (options.balancer) {
    for (const line of options.balancer.drain()) {
      if (deps.out.closed) {
        summary.readerClosed = true;
        break;
      }
      await write(line, (JSON.parse(line) as { meta: Pick<Triple["meta"], "mapping" | "redacted"> }).meta);
    }
    // What the even mix left out is accounted for, as every other item is.
    let unchosen = 0;
    for (const group of Object.values(options.balancer.groups())) unchosen += group.offered - group.chosen;
    if (unchosen > 0) summary.skipped["not chosen for the even mix (--balance)"] = unchosen;
  }
  return summary;
}

/**
 * A private key over several lines is redacted line by line, so that a patch keeps its line
 * count (and each line its +, - or space). In a text that is no patch (a PR body, an answer)
 * that is a wall of markers, some with a stray "-" of `-----END`: one marker says it all.
 */
const KEY_LINES = /^[+\- ]?<REDACTED:private-key>(?:\n[+\- ]?<REDACTED:private-key>)+$/gm;

type TextField = (typeof TEXT_FIELDS)[number];

/** A credential found in a field, where it started in the field's text before redaction. */
interface FoundIn {
  field: TextField;
  kind: string;
  start: number;
}

/** Replaces every credential in the triple's texts; returns what was found, and where. */
function redactTriple(triple: Triple, redactor: Redactor, patches: readonly string[]): FoundIn[] {
  const found: FoundIn[] = [];
  for (const field of TEXT_FIELDS) {
    const { text, findings } = redactor.redact(triple[field]);
    if (findings.length === 0) continue;
    const patch = patches.includes(field) || /^(?:diff --git |@@ )/.test(text);
    triple[field] = patch ? text : text.replace(KEY_LINES, "<REDACTED:private-key>");
    for (const f of findings) found.push({ field, kind: f.kind, start: f.start });
  }
  countRedacted(triple, found);
  return found;
}

/** meta.redacted: what redaction replaced in the record, by kind; absent when nothing. */
function countRedacted(triple: Triple, found: readonly FoundIn[]): void {
  const counts: Record<string, number> = {};
  for (const { kind } of found) counts[kind] = (counts[kind] ?? 0) + 1;
  // Deleted first, so that it comes last in meta whenever it is counted.
  delete triple.meta.redacted;
  if (found.length > 0) triple.meta.redacted = counts;
}

/** The triple's fields whose template renders a commit's or pull request's diff (a review comment's hunk is no patch). */
function diffFields(rule: Rule, record: SourceRecord): (typeof TEXT_FIELDS)[number][] {
  if (!rule.usesDiff || (record.kind !== "commit" && record.kind !== "pull")) return [];
  return TEXT_FIELDS.filter((field) => rule[field].fields.includes("diff"));
}

/**
 * Makes each diff field apply again after redaction, leaving out the files that cannot: what
 * was left out of which field (offsets in its text before redaction), or why none can apply.
 */
function keepDiffsApplicable(
  triple: Triple,
  diffs: readonly { field: TextField; before: string }[],
): { ok: true; omitted: (OmittedSection & { field: TextField })[] } | { ok: false; reason: string } {
  const omitted: (OmittedSection & { field: TextField })[] = [];
  for (const { field, before } of diffs) {
    const kept = keepApplicable(before, triple[field]);
    if (!kept.ok) return kept;
    triple[field] = kept.text;
    for (const section of kept.omitted) omitted.push({ ...section, field });
  }
  return { ok: true, omitted };
}

function namesOf(record: SourceRecord): string[] {
  const people = [record.author, ...(record.kind === "issue" && record.answer ? [record.answer.author] : [])];
  return people.flatMap((p) => [p.login, p.name]).filter((n): n is string => Boolean(n));
}

/**
 * What meta says of the diff a record holds: its languages, and the files left out of it (by
 * the diff's reader, and `omitted`: those whose redacted section would not apply).
 */
function describeDiff(triple: Triple, record: SourceRecord, rule: Rule, omitted: ReadonlySet<string> = new Set()): void {
  if ((record.kind === "commit" || record.kind === "pull") && rule.usesDiff) {
    triple.meta.languages = languagesOf(record.diff.files.filter((f) => !omitted.has(f.path)));
    const left = record.diff.dropped.length + omitted.size;
    if (left > 0) triple.meta.omittedFiles = left;
  } else if (record.kind === "review-comment") {
    const lang = languageOf(record.path);
    if (lang) triple.meta.languages = [lang];
  }
}
