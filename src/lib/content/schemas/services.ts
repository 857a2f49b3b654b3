import { z } from 'zod';
import { slugSchema } from './common.ts';

/** `content/services.yaml` (optional): service id → how the home page names and describes it. */
export const servicesSchema = z.record(
  slugSchema,
  z.object({
    /** How pages, listings and the book name the service (`Payments API`). */
    label: z.string(),
    /** One line under the service's heading on the home page. */
    description: z.string().optional(),
  }),
);

export type Services = z.output<typeof servicesSchema>;
