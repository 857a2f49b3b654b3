import { z } from 'zod';
import { durationSchema } from './common.ts';

/** `content/site.yaml` (optional): settings for the whole site. */
export const siteConfigSchema = z.object({
  /** How often every page should be checked against reality (`180d`); a page's own `review_every` wins. */
  review_every: durationSchema.optional(),
  /**
   * Where a page's source can be edited: the page's path (`content/runbooks/db/latency.md`) is appended,
   * e.g. `https://github.com/acme/runbooks/edit/main/`. Without it there is no "Edit this page" link.
   */
  edit_url: z.url({ error: (issue) => `expected a URL like "https://github.com/acme/runbooks/edit/main/", got ${JSON.stringify(issue.input)}` }).optional(),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;
