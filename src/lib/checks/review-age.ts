import { formatDuration } from '../content/durations.ts';
import { DEFAULT_REVIEW_MINUTES, formatDate, reviewOverdue } from '../content/review.ts';
import type { SourcePage } from '../content/source-page.ts';
import { type ContentProblem, fieldPosition } from '../errors.ts';

export interface ReviewOptions {
  /** Site-wide review period in minutes (`site.yaml` `review_every`, or `--review-every`); a page's own wins. */
  reviewEvery?: number | undefined;
  /** The day the check runs, at 00:00 UTC: `last_reviewed` dates are days, written in UTC. */
  today: Date;
}

const DAY_MINUTES = 24 * 60;

/**
 * `last_reviewed` older than the review period is a warning (someone should read the page against reality); a date
 * in the future is an error (a typo, and it would hide the page from the overdue list for years).
 */
export function checkReviewAge(pages: readonly SourcePage[], { reviewEvery = DEFAULT_REVIEW_MINUTES, today }: ReviewOptions): ContentProblem[] {
  return pages.flatMap((page): ContentProblem[] => {
    const reviewed = page.data?.last_reviewed;
    if (!reviewed) return [];
    const where = { file: page.file, ...fieldPosition(page.yaml, ['last_reviewed'], page.yamlLine), field: 'last_reviewed' };
    // Any time on `today` itself is not the future; tomorrow is.
    if (reviewed.getTime() >= today.getTime() + DAY_MINUTES * 60_000) {
      return [{ severity: 'error', ...where, message: `${formatDate(reviewed)} is in the future` }];
    }
    const period = page.data?.review_every ?? reviewEvery;
    if (!reviewOverdue(reviewed, period, today)) return [];
    const days = Math.floor((today.getTime() - reviewed.getTime()) / (DAY_MINUTES * 60_000));
    return [
      {
        severity: 'warning',
        ...where,
        message: `review overdue: last reviewed ${formatDate(reviewed)}, ${days} days ago; the review period is ${formatPeriod(period)}`,
      },
    ];
  });
}

function formatPeriod(minutes: number): string {
  return minutes % DAY_MINUTES === 0 ? `${minutes / DAY_MINUTES} days` : formatDuration(minutes);
}
