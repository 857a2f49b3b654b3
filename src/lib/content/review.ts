/** Default review period: a runbook nobody has checked for half a year is probably wrong somewhere. */
export const DEFAULT_REVIEW_MINUTES = 180 * 24 * 60;

/** True when `lastReviewed` is more than `periodMinutes` before `now`; pages never reviewed are not "overdue", they are unknown. */
export function reviewOverdue(lastReviewed: Date | undefined, periodMinutes: number = DEFAULT_REVIEW_MINUTES, now: Date = new Date()): boolean {
  if (!lastReviewed) return false;
  return now.getTime() - lastReviewed.getTime() > periodMinutes * 60_000;
}

/** `2026-01-31`: dates are shown as they are written in frontmatter, in UTC, so every reader sees the same day. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
