import { z } from 'zod';
import { durationSchema } from './common.ts';

/** `content/site.yaml` (optional): settings for the whole site. */
export const siteConfigSchema = z.object({
  /** How often every page should be checked against reality (`180d`); a page's own `review_every` wins. */
  review_every: durationSchema.optional(),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;
