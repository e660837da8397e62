// One record, any format: its shape, then the named rules on its texts and strings, then
// its length. Pure and stateless, so the pipeline, `validate` and its worker threads share
// it; what needs the whole file (duplicates, inconsistent keys) is in file-state.ts.
import type { Format } from "../formats.js";
import { detectFormat } from "../format-keys.js";
import type { Redactor } from "../redact.js";
import { problem, withCommas, type CodeFilter, type Problem, type ProblemCode } from "./problem.js";
import { compoundRule, passiveRule, placeholderRule, vagueRule } from "./rules-text.js";
import { fenceRule, mixedIndentationRule } from "./rules-code.js";
import { checkStrings } from "./rules-strings.js";
import { alpacaShape, type RecordShape } from "./shape-alpaca.js";
import { openaiShape, sharegptShape } from "./shape-chat.js";
import type { TextField } from "./text-field.js";
import { MAX_APPROX_TOKENS_PER_CHAR, type TokenCounter, type Tokenizer } from "./tokens.js";

export interface RecordCheckOptions {
  redactor: Redactor;
  enabled: CodeFilter;
  maxTokens: number;
  countTokens: TokenCounter;
  tokenizer: Tokenizer;
  /** Count tokens even when `too-long` is ignored (the JSON report's statistics). */
  wantTokens?: boolean;
  /** See StringRuleOptions.cleanKeys. */
  cleanKeys?: Set<string>;
  /** The rules `enabled` leaves on, filled in by the first record checked. */
  rules?: EnabledRules;
}

interface EnabledRules {
  fieldRules: FieldRule[];
  instructionRules: FieldRule[];
}

export interface RecordCheck {
  problems: Problem[];
  format: Format | undefined;
  /** Tokens of the record's texts; undefined when not counted. */
  tokens: number | undefined;
  /** What makes two records the same (instruction, input, output; or the turns). */
  identity: string[];
}

type FieldRule = (field: TextField, out: Problem[]) => void;
const FIELD_RULES: [ProblemCode, FieldRule][] = [
  ["placeholder", placeholderRule],
  ["unbalanced-fence", fenceRule],
  ["mixed-indentation", mixedIndentationRule],
];
const INSTRUCTION_RULES: [ProblemCode, FieldRule][] = [
  ["vague-instruction", vagueRule],
  ["compound-instruction", compoundRule],
  ["passive-instruction", passiveRule],
];
const SHAPES: Record<Format, (record: Record<string, unknown>, out: Problem[]) => RecordShape> = {
  alpaca: alpacaShape,
  openai: openaiShape,
  sharegpt: sharegptShape,
};

/**
 * What makes two records of this format the same, as `validate`'s `duplicate` check compares
 * them: --append uses it to leave out a record whose content the output already holds.
 */
export function recordIdentity(record: Record<string, unknown>, format: Format): string[] {
  return SHAPES[format](record, []).identity;
}

const PREFERENCE_KEYS = [
  ["preferred_output", "non_preferred_output"],
  ["chosen", "rejected"],
] as const;

function isPreferencePair(record: Record<string, unknown>): boolean {
  return PREFERENCE_KEYS.some(([a, b]) => a in record && b in record);
}

/** The rules a filter leaves on. */
function rulesFor(enabled: CodeFilter): EnabledRules {
  return {
    fieldRules: FIELD_RULES.filter(([code]) => enabled(code)).map(([, rule]) => rule),
    instructionRules: INSTRUCTION_RULES.filter(([code]) => enabled(code)).map(([, rule]) => rule),
  };
}

export function checkRecord(record: Record<string, unknown>, format: Format | undefined, options: RecordCheckOptions): RecordCheck {
  const problems: Problem[] = [];
  if (isPreferencePair(record)) {
    // DPO data (OpenAI's preferred_output/non_preferred_output, chosen/rejected): a shape of
    // its own, which the checks below would report as a broken instruction record.
    problems.push(problem("missing-field", `a preference (DPO) record, with ${PREFERENCE_KEYS.filter(([a]) => a in record).map(([a, b]) => `"${a}" and "${b}"`)[0]}: validate checks instruction and chat records (alpaca, openai, sharegpt), not preference pairs`));
    checkStrings(record, options, problems);
    return { problems: problems.filter((p) => options.enabled(p.code)), format: undefined, tokens: undefined, identity: [] };
  }
  const shapeOf = format ?? detectFormat(record);
  if (!shapeOf) {
    problems.push(
      problem("missing-field", `no "instruction" and "output" (alpaca), "messages" (openai) or "conversations" (sharegpt) field`),
    );
    checkStrings(record, options, problems);
    return { problems: problems.filter((p) => options.enabled(p.code)), format: undefined, tokens: undefined, identity: [] };
  }
  const shape = SHAPES[shapeOf](record, problems);
  // Worked out once a run (the options object is the run's), not once a record.
  const { fieldRules, instructionRules } = (options.rules ??= rulesFor(options.enabled));
  let firstInstruction = true;
  for (const field of shape.texts) {
    for (const rule of fieldRules) rule(field, problems);
    if (field.role === "instruction" && firstInstruction) {
      firstInstruction = false;
      for (const rule of instructionRules) rule(field, problems);
    }
  }
  checkStrings(record, options, problems);
  let tokens: number | undefined;
  if (options.wantTokens || (options.enabled("too-long") && !tooShortToCount(shape.texts, options))) {
    tokens = 0;
    for (const field of shape.texts) tokens += options.countTokens(field.text);
    if (tokens > options.maxTokens && options.enabled("too-long")) {
      const count = options.tokenizer === "approx" ? `about ${withCommas(tokens)} tokens (estimated)` : `${withCommas(tokens)} ${options.tokenizer} tokens`;
      problems.push(problem("too-long", `the record has ${count}, over --max-tokens ${options.maxTokens}`));
    }
  }
  return { problems: problems.filter((p) => options.enabled(p.code)), format: shapeOf, tokens, identity: shape.identity };
}

/**
 * Whether the estimate cannot reach --max-tokens however the record's characters fall: then
 * only the statistics (--json) would want its count.
 */
function tooShortToCount(texts: readonly TextField[], options: RecordCheckOptions): boolean {
  if (options.tokenizer !== "approx") return false;
  let chars = 0;
  for (const field of texts) chars += field.text.length;
  return chars * MAX_APPROX_TOKENS_PER_CHAR <= options.maxTokens;
}
