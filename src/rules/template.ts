// Templates: literal text with `{{field | filter ...}}` slots, compiled once at load time
// so that every field and filter name is checked before the first record.
import { FILTERS, isFilterName, type FilterName } from "./filters.js";

type Part = string | { field: string; filters: FilterName[] };

export interface Template {
  readonly source: string;
  readonly fields: readonly string[];
  render(value: (field: string) => string | number | boolean): string;
}

/** Thrown with what is wrong; the loader adds the file and the field. */
export class TemplateError extends Error {}

const SLOT = /\{\{\s*([^}]*?)\s*\}\}/g;

export function compileTemplate(source: string, knownFields: readonly string[]): Template {
  const parts: Part[] = [];
  let at = 0;
  for (const m of source.matchAll(SLOT)) {
    const index = m.index ?? 0;
    if (index > at) parts.push(source.slice(at, index));
    const [field = "", ...filters] = (m[1] ?? "").split("|").map((s) => s.trim());
    if (!knownFields.includes(field)) {
      throw new TemplateError(`unknown field "${field}"; expected one of ${knownFields.join(", ")}`);
    }
    for (const f of filters) {
      if (!isFilterName(f)) {
        throw new TemplateError(`unknown filter "${f}"; expected one of ${Object.keys(FILTERS).join(", ")}`);
      }
    }
    parts.push({ field, filters: filters as FilterName[] });
    at = index + m[0].length;
  }
  if (at < source.length) parts.push(source.slice(at));
  if (source.slice(at).includes("{{")) throw new TemplateError(`unclosed "{{"`);
  const fields = parts.flatMap((p) => (typeof p === "string" ? [] : [p.field]));
  return {
    source,
    fields,
    render(value) {
      let out = "";
      for (const part of parts) {
        if (typeof part === "string") {
          out += part;
          continue;
        }
        let text = String(value(part.field));
        for (const f of part.filters) text = FILTERS[f](text);
        out += text;
      }
      return out;
    },
  };
}
