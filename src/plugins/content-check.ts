import type { AstroIntegration } from 'astro';
import { ContentError, formatProblemWithSeverity } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { checkContentRoot, todayUtc } from '../node/check-content-root.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { checkContentOnSave } from './dev-content-check.ts';

/**
 * Runs `npm run check`'s checks before anything is built: a build with a broken link, a secret, an unknown
 * placeholder or an unreadable file fails with every problem listed, and nothing is published. Warnings (review
 * overdue, missing sections) are printed and do not stop the build. `npm run build` runs the checks itself, before
 * Astro starts, and says so with RUNBOOKS_CONTENT_CHECKED; this is for `astro build` run directly (and `astro sync`,
 * `astro preview`, which print the errors).
 *
 * In `astro dev` the check runs when the server is up and again on every change of the content, showing errors in the
 * terminal and the browser (dev-content-check.ts): a check at start-up only would let a typo saved later render
 * silently.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'runbooks:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command === 'dev') return;
        if (command === 'build' && process.env['RUNBOOKS_CONTENT_CHECKED'] === '1') return;
        const { problems } = await checkContentRoot(CONTENT_ROOT, { today: todayUtc() });
        const errors = problems.filter((problem) => problem.severity === 'error');
        const warnings = problems.length - errors.length;
        if (warnings > 0) logger.warn(`${plural(warnings, 'content warning')} (npm run check lists them)`);
        if (errors.length === 0) return;
        if (command === 'build') throw new ContentError(errors);
        for (const error of errors) logger.error(formatProblemWithSeverity(error));
      },
      'astro:server:setup': ({ server, logger }) => {
        checkContentOnSave({ server, logger, root: CONTENT_ROOT });
      },
    },
  };
}
