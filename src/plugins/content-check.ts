import type { AstroIntegration } from 'astro';
import { ContentError, formatProblemWithSeverity } from '../lib/errors.ts';
import { checkContentRoot, todayUtc } from '../node/check-content-root.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';

/**
 * Runs `npm run check`'s checks before anything is built: a build with a broken link, a secret, an unknown
 * placeholder or an unreadable file fails with every problem listed, and nothing is published. Warnings (review
 * overdue, missing sections) are printed and do not stop the build. In `astro dev` errors are printed instead.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'runbooks:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = checkContentRoot(CONTENT_ROOT, { today: todayUtc() });
        const errors = problems.filter((problem) => problem.severity === 'error');
        const warnings = problems.length - errors.length;
        if (warnings > 0) logger.warn(`${warnings} content warning${warnings === 1 ? '' : 's'} (npm run check lists them)`);
        if (errors.length === 0) return;
        if (command === 'build') throw new ContentError(errors);
        for (const error of errors) logger.error(formatProblemWithSeverity(error));
      },
    },
  };
}
