import { z } from 'zod';
import { slugSchema } from './common.ts';

/** `content/services.yaml` (optional): service id → how the home page names and describes it. */
export const servicesSchema = z.record(
  slugSchema,
  z.object({
    label: z.string(),
    description: z.string().optional(),
  }),
);

export type Services = z.output<typeof servicesSchema>;
