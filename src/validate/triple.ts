// The pipeline's view of validation: a triple, before it is written, in any format (a
// triple's texts are the same whichever shape it is written in). Any error rejects it.
import { createRedactor, type Redactor } from "../redact.js";
import type { Triple } from "../records.js";
import { checkRecord, type RecordCheckOptions } from "./check-record.js";
import { DuplicateSet } from "./hash-set.js";
import { codeFilter, problem, type Problem, type ProblemCode } from "./problem.js";
import { approximateTokens, type TokenCounter, type Tokenizer } from "./tokens.js";

export interface TripleCheckOptions {
  /** Pass one redactor for a whole run: building one per triple wastes time. */
  redactor?: Redactor;
  ignore?: readonly ProblemCode[];
  /** `too-long` above this many tokens; default 4096. */
  maxTokens?: number;
  countTokens?: TokenCounter;
  tokenizer?: Tokenizer;
}

export const DEFAULT_MAX_TOKENS = 4096;

function recordOptions(options: TripleCheckOptions): RecordCheckOptions {
  return {
    redactor: options.redactor ?? createRedactor({ emails: false }),
    enabled: codeFilter(options.ignore),
    maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
    countTokens: options.countTokens ?? approximateTokens,
    tokenizer: options.countTokens ? (options.tokenizer ?? "o200k") : "approx",
  };
}

/** Every problem of one triple: shape, placeholders, lone surrogates, secrets, warnings. */
export function checkTriple(triple: Triple, options: TripleCheckOptions = {}): Problem[] {
  return checkTripleWith(triple, recordOptions(options));
}

function checkTripleWith(triple: Triple, options: RecordCheckOptions): Problem[] {
  const { instruction, input, output, meta } = triple;
  return checkRecord({ instruction, input, output, meta }, "alpaca", options).problems;
}

export interface TripleChecker {
  /** Like checkTriple, plus `duplicate` for a triple already seen by this checker. */
  check(triple: Triple): Problem[];
}

/** A checker for a whole run: one redactor, and a memory of what was seen (8 bytes a triple). */
export function createTripleChecker(options: TripleCheckOptions = {}): TripleChecker {
  const resolved = recordOptions(options);
  const seen = new DuplicateSet();
  let n = 0;
  return {
    check(triple) {
      n++;
      const problems = checkTripleWith(triple, resolved);
      if (resolved.enabled("duplicate")) {
        const first = seen.add([triple.instruction, triple.input, triple.output], n);
        if (first !== undefined) {
          problems.push(problem("duplicate", `same instruction, input and output as record ${first} of this run`));
        }
      }
      return problems;
    },
  };
}
