/** What the book's cover says about the build it was printed from. */
export interface BuildInfo {
  /** When the site was built: `SOURCE_DATE_EPOCH` (reproducible builds) or now. */
  date: Date;
  /** The content's commit, e.g. `0a46533d002e` or `0a46533d002e-dirty`, when known. */
  commit: string | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The commit CI hands over (`RUNBOOKS_COMMIT`, then GitHub's and GitLab's variables), shortened; undefined when none is set. */
export function commitFromEnv(env: Env): string | undefined {
  const value = [env.RUNBOOKS_COMMIT, env.GITHUB_SHA, env.CI_COMMIT_SHA].find((candidate) => candidate?.trim());
  const commit = value?.trim();
  if (commit === undefined) return undefined;
  return /^[0-9a-f]{13,40}$/i.test(commit) ? commit.slice(0, 12) : commit;
}

/** `SOURCE_DATE_EPOCH` (seconds) when it is set and valid, so a rebuild of the same commit prints the same cover. */
export function buildDate(env: Env, now: Date): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
}

/** `2026-11-28 00:19 UTC`: one reading for every reader, whatever their time zone. */
export function formatBuildDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
