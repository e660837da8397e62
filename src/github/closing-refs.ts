// The issues a pull request closes, read the way GitHub reads closing keywords: a keyword
// right before each reference, the reference being #N, OWNER/REPO#N of this repository,
// or the issue's URL. https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue

export interface RepoIdentity {
  owner: string;
  repo: string;
  /** Host of the web UI (github.com, an Enterprise host); any host when not given. */
  host?: string;
  /** Other names of the same repository: the old one the user typed, before a rename. */
  aliases?: readonly { owner: string; repo: string }[];
}

const KEYWORD = String.raw`(?<![\w-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)`;
const REFERENCE = String.raw`(?:#(\d+)|([\w.-]+)\/([\w.-]+)#(\d+)|https?:\/\/([^\s/]+)\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+))`;
const CLOSING = new RegExp(`${KEYWORD}:?\\s+${REFERENCE}(?![\\w/])`, "gi");

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Issue numbers, in order of first mention, that `text` says it closes in this repository. */
export function closingIssueNumbers(text: string, repo: RepoIdentity): number[] {
  const names = [repo, ...(repo.aliases ?? [])];
  const isThisRepo = (owner: string | undefined, name: string | undefined) =>
    name !== undefined && names.some((n) => same(owner, n.owner) && same(name, n.repo));
  // A PR template's comments ("<!-- Fixes #123 -->") are not the author's words.
  const visible = text.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  const numbers: number[] = [];
  for (const match of visible.matchAll(CLOSING)) {
    const [, plain, owner, name, qualified, host, urlOwner, urlName, fromUrl] = match;
    let number: string | undefined;
    if (plain) number = plain;
    else if (qualified && isThisRepo(owner, name)) number = qualified;
    else if (fromUrl && isThisRepo(urlOwner, urlName)) {
      if (repo.host === undefined || same(host, repo.host)) number = fromUrl;
    }
    const value = number === undefined ? NaN : Number(number);
    if (Number.isSafeInteger(value) && value > 0 && !numbers.includes(value)) numbers.push(value);
  }
  return numbers;
}
