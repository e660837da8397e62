// OWNER/REPO as GitHub spells it now, read from the API's own answers. What the user types
// may differ in case (ACME/Widgets for acme/widgets) or be a renamed repository's old name,
// which the API follows by redirect: ids built from it would change with the spelling, and
// --append would add the same items again. Every payload's html_url (a pull request's
// base.repo.full_name) names the repository as it is now, so the canonical name costs no request.

/** OWNER/REPO from the web URL (html_url) of a pull request, a review comment, an issue or a commit. */
export function repoOfWebUrl(url: string | null | undefined): string | undefined {
  let path: string;
  try {
    path = url ? new URL(url).pathname : "";
  } catch {
    return undefined;
  }
  const match = /^\/([^/]+)\/([^/]+)\/(?:pull|issues|commit)\/[^/]+\/?$/.exec(path);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** The name the API gave (OWNER/REPO), else the one typed. */
export function canonicalRepo(fromApi: string | null | undefined, owner: string, repo: string): string {
  return fromApi && /^[^/\s]+\/[^/\s]+$/.test(fromApi) ? fromApi : `${owner}/${repo}`;
}

/** Split OWNER/REPO. */
export function splitRepo(fullName: string): { owner: string; repo: string } {
  const slash = fullName.indexOf("/");
  return { owner: fullName.slice(0, slash), repo: fullName.slice(slash + 1) };
}
