// The validator, shared by the harvesting pipeline (checkTriple / createTripleChecker on
// every triple before it is written) and `gh-harvest validate` (validateInputs on files).
export { checkTriple, createTripleChecker, DEFAULT_MAX_TOKENS, type TripleChecker, type TripleCheckOptions } from "./triple.js";
export { checkRecord, recordIdentity, type RecordCheck, type RecordCheckOptions } from "./check-record.js";
export { checkLine, type LineResult, type LineCheckOptions } from "./check-line.js";
export {
  codeFilter,
  ERROR_CODES,
  isProblemCode,
  PROBLEM_CODES,
  severityOf,
  WARNING_CODES,
  type Problem,
  type ProblemCode,
  type Severity,
} from "./problem.js";
export { approximateTokens, loadTokenCounter, TOKENIZERS, type TokenCounter, type Tokenizer } from "./tokens.js";
export { DuplicateSet, identityHash } from "./hash-set.js";
export { validateInputs, type EngineOptions, type ValidateInput } from "./validate-files.js";
export { jsonReporter, textReporter, type FileSummary, type Reporter, type RunSummary } from "./report.js";
