// The rule-file schema: the single source of truth for what a mapping rule may say.
import { z } from "zod";
import { SOURCE_KINDS } from "../records.js";

const Literal = z.union([z.boolean(), z.number(), z.string()]);

const RegexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "expected a valid regular expression" },
);

export const ConditionSchema = z.union([
  Literal,
  z
    .object({
      equals: Literal.optional(),
      notEmpty: z.boolean().optional(),
      notTrivial: z.boolean().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      minWords: z.number().int().nonnegative().optional(),
      maxWords: z.number().int().nonnegative().optional(),
      minLength: z.number().int().nonnegative().optional(),
      maxLength: z.number().int().nonnegative().optional(),
      matches: RegexString.optional(),
      notMatches: RegexString.optional(),
    })
    .strict(),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const RuleFileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lower-case name of letters, digits and dashes"),
    source: z.enum(SOURCE_KINDS),
    description: z.string().min(1),
    /** Conditions on the record's fields, all of which must hold. */
    when: z.record(z.string(), ConditionSchema).default({}),
    instruction: z.string().min(1),
    input: z.string().default(""),
    output: z.string().min(1),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFileSchema>;
