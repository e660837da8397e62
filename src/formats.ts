// The three output shapes of the contract, as zod schemas (what `validate` checks a
// line against) and as the function that shapes a triple into one of them.
import { z } from "zod";
import { OPENAI_ROLES, SHAREGPT_ROLES, type Format } from "./format-keys.js";
import { MetaSchema, type Triple } from "./records.js";

export { detectFormat, FORMATS, type Format } from "./format-keys.js";

// `meta` is ours; records made by other tools may lack it, so `validate` accepts that.
const meta = MetaSchema.optional();

export const AlpacaRecordSchema = z.object({
  instruction: z.string(),
  input: z.string(),
  output: z.string(),
  meta,
});


export const OpenAIRecordSchema = z.object({
  messages: z.array(
    z.object({
      role: z.enum(OPENAI_ROLES),
      content: z.string(),
      name: z.string().optional(),
      weight: z.number().optional(),
    }),
  ),
  meta,
});

export const ShareGPTRecordSchema = z.object({
  conversations: z.array(
    z.object({
      from: z.enum(SHAREGPT_ROLES),
      value: z.string(),
    }),
  ),
  meta,
});

export const FORMAT_SCHEMAS = {
  alpaca: AlpacaRecordSchema,
  openai: OpenAIRecordSchema,
  sharegpt: ShareGPTRecordSchema,
} as const;

export type AlpacaRecord = z.infer<typeof AlpacaRecordSchema>;
export type OpenAIRecord = z.infer<typeof OpenAIRecordSchema>;
export type ShareGPTRecord = z.infer<typeof ShareGPTRecordSchema>;
export type OutputRecord = AlpacaRecord | OpenAIRecord | ShareGPTRecord;

/** The user's turn in chat formats: the instruction, a blank line, then the input if any. */
export function userContent(triple: Pick<Triple, "instruction" | "input">): string {
  return triple.input === "" ? triple.instruction : `${triple.instruction}\n\n${triple.input}`;
}

export function shapeRecord(triple: Triple, format: Format): OutputRecord {
  switch (format) {
    case "alpaca":
      return { instruction: triple.instruction, input: triple.input, output: triple.output, meta: triple.meta };
    case "openai":
      return {
        messages: [
          { role: "user", content: userContent(triple) },
          { role: "assistant", content: triple.output },
        ],
        meta: triple.meta,
      };
    case "sharegpt":
      return {
        conversations: [
          { from: "human", value: userContent(triple) },
          { from: "gpt", value: triple.output },
        ],
        meta: triple.meta,
      };
  }
}
