// What is left of a text where lines were taken out of it (trailers, a tool's footer, a line
// of references): the blank lines around them, which would stand in a row.

/** The text with blank lines in a row as one, and none at either end. */
export function squeezeBlankLines(text: string): string {
  return text
    .replace(/^(?:[ \t]*\n)+/, "")
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, "\n\n")
    .trimEnd();
}
