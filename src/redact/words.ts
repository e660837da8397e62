// Is a value made of words? An identifier (contextToken2, createO200KSpecialTokenMap), a key
// name (__msw-cookie-store__) or a grammar rule (1*non-delimiter) is; a generated secret is
// not. A word here is a run of 3+ letters (camelCase, snake_case and kebab-case split apart)
// whose letter pairs are common in English and in identifiers: the 259 pairs that make up 95%
// of the pairs in the words of the TypeScript declarations and READMEs in node_modules.
// Measured on 200,000 random values each, base62 passes as words 0.36% of the time at 8
// characters, 0.06% at 12, 0.014% at 16 and never at 24; identifiers almost always do.

const COMMON_PAIRS = new Set(
  ("ab ac ad ag ai ak al am an ap ar as at au av aw ay ba be bi bl bo br bs bu ca cc ce ch ci ck cl co cr cs ct cu da dd de " +
    "di dl do dr ds du ea eb ec ed ee ef eg ei el em en eo ep eq er es et ev ew ex ey fa fe ff fi fl fo fr fu fy ga ge gg gh " +
    "gi gl gn go gr gs gu ha he hi ho hr ht hu ia ib ic id ie if ig il im in io ip ir is it iv ix iz je ke ki ks la ld le li " +
    "ll lo ls lt lu ly ma mb me mi mm mo mp ms mu na nc nd ne nf ng ni nk nl nn no np ns nt nu nv oa ob oc od of og oi ok ol " +
    "om on oo op or os ot ou ov ow pa pe ph pi pl po pp pr ps pt pu qu ra rc rd re rg ri rk rl rm rn ro rr rs rt ru rv ry sa " +
    "sc se sh si sk sl sm so sp ss st su sy ta tc te th ti tl to tr ts tt tu ty ua ub uc ud ue ug ui ul um un up ur us ut va " +
    "ve vi vo wa we wh wi wn wo wr xe xi xp xt yi yn yp ys ze").split(" "),
);

// Letter runs as camelCase splits them (Token, context, RESERVED), digit runs, and the rest.
const PART = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+/g;

export interface WordShape {
  /** Words found. */
  words: number;
  /** Share of the letters and digits that are in words. */
  coverage: number;
  /** Length of the longest word. */
  longest: number;
}

export function wordShape(value: string): WordShape {
  let alnum = 0;
  let covered = 0;
  let words = 0;
  let longest = 0;
  for (const [part] of value.matchAll(PART)) {
    const c = part.charCodeAt(0);
    const isLetters = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!isLetters) {
      if (c >= 48 && c <= 57) alnum += part.length;
      continue;
    }
    alnum += part.length;
    if (part.length >= 3 && isWord(part.toLowerCase())) {
      words++;
      covered += part.length;
      longest = Math.max(longest, part.length);
    }
  }
  return { words, coverage: alnum === 0 ? 0 : covered / alnum, longest };
}

/** Three quarters of its letters and digits are in words, one of them 4 letters or more. */
export function looksLikeWords(value: string): boolean {
  const shape = wordShape(value);
  return shape.coverage >= 0.75 && shape.longest >= 4;
}

// At most one uncommon pair in five: "context", "token", "secret", but not "xqzt" or "Tzp".
function isWord(lower: string): boolean {
  let uncommon = 0;
  for (let i = 0; i + 1 < lower.length; i++) if (!COMMON_PAIRS.has(lower.slice(i, i + 2))) uncommon++;
  return uncommon <= Math.floor((lower.length - 1) / 5);
}
