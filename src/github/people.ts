// GitHub's account objects as the records' Person.
import type { Person } from "../records.js";
import type { ApiGitPerson, ApiLabel, ApiUser } from "./api-types.js";

/** A GitHub account; a deleted ("ghost") account comes as null. */
export function personOfUser(user: ApiUser | null | undefined): Person {
  if (!user) return { login: "ghost" };
  return user.type === undefined ? { login: user.login } : { login: user.login, type: user.type };
}

/** A commit's git author, with the GitHub account when GitHub could match it. */
export function personOfCommit(gitAuthor: ApiGitPerson | null, user: ApiUser | null): Person {
  const person: Person = {};
  if (gitAuthor?.name) person.name = gitAuthor.name;
  if (gitAuthor?.email) person.email = gitAuthor.email;
  if (user) Object.assign(person, personOfUser(user));
  return person;
}

export function labelNames(labels: (ApiLabel | string)[] | undefined): string[] {
  return (labels ?? []).map((label) => (typeof label === "string" ? label : label.name ?? "")).filter(Boolean);
}
