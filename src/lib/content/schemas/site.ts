import { z } from 'zod';
import { durationSchema } from './common.ts';

/** `content/site.yaml` (optional): settings for the whole site. */
export const siteConfigSchema = z.object({
  /** How often every page should be checked against reality (`180d`); a page's own `review_every` wins. */
  review_every: durationSchema.optional(),
  /**
   * Where a page's source can be edited: the content root's folder in its repository, to which the page's path
   * inside the content root (`runbooks/db/latency.md`) is appended (content/edit-url.ts), e.g.
   * `https://github.com/acme/runbooks/edit/main/content/`. Without it there is no "Edit this page" link. Only
   * `http:` and `https:`: the link is on every page, and a `javascript:` URL would run in the reader's browser.
   */
  edit_url: z
    .url({
      protocol: /^https?$/,
      error: (issue) => `expected an http(s) URL like "https://github.com/acme/runbooks/edit/main/content/", got ${JSON.stringify(issue.input)}`,
    })
    .optional(),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;
