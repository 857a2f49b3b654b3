import type { AstroIntegration } from 'astro';
import { ContentError, formatProblemWithSeverity } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { checkContentRoot, todayUtc } from '../node/check-content-root.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';

/**
 * Runs `npm run check`'s checks before anything is built: a build with a broken link, a secret, an unknown
 * placeholder or an unreadable file fails with every problem listed, and nothing is published. Warnings (review
 * overdue, missing sections) are printed and do not stop the build. In `astro dev` errors are printed instead.
 * `npm run build` runs the checks itself, before Astro starts, and says so with RUNBOOKS_CONTENT_CHECKED; this is
 * for `astro build` and `astro dev` run directly.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'runbooks:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build' && process.env['RUNBOOKS_CONTENT_CHECKED'] === '1') return;
        const problems = checkContentRoot(CONTENT_ROOT, { today: todayUtc() });
        const errors = problems.filter((problem) => problem.severity === 'error');
        const warnings = problems.length - errors.length;
        if (warnings > 0) logger.warn(`${plural(warnings, 'content warning')} (npm run check lists them)`);
        if (errors.length === 0) return;
        if (command === 'build') throw new ContentError(errors);
        for (const error of errors) logger.error(formatProblemWithSeverity(error));
      },
    },
  };
}
