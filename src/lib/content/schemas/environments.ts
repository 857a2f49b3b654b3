import { z } from 'zod';
import { placeholderNameSchema, slugSchema } from './common.ts';

/**
 * Placeholder name → value. A record drops a `__proto__` key without a word (it would set the object's prototype),
 * and a page using `{{__proto__}}` would then be told the placeholder is unknown: say what is wrong instead.
 */
const valuesSchema = z.preprocess(
  (values, ctx) => {
    if (values && typeof values === 'object' && Object.hasOwn(values, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], input: values, message: 'the name __proto__ is reserved by JavaScript: rename the placeholder' });
    }
    return values;
  },
  z.record(placeholderNameSchema, z.string({ error: (issue) => `expected a string value, got ${JSON.stringify(issue.input)}` })),
);

/** An environment id: it ends up in URLs (`?env=staging`), storage and PDF file names, so it is URL- and file-safe. */
export const environmentIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, {
  error: (issue) => `expected an environment id of a-z, 0-9, - and _, got ${JSON.stringify(issue.input)}`,
});

/** One environment in `content/environments.yaml`. */
export const environmentSchema = z.object({
  /** Shown in the Environment selector. */
  label: z.string({ error: 'expected a label' }).min(1, { error: 'expected a non-empty label' }),
  /** Placeholder values for every service. */
  vars: valuesSchema.default({}),
  /** Per-service values that win over `vars`. */
  services: z.record(slugSchema, valuesSchema).default({}),
});

/**
 * `content/environments.yaml`: environment id → environment. Ids end up in URLs (`?env=staging`)
 * and storage, so they are restricted to URL-safe slugs. The first one is the default.
 */
export const environmentsSchema = z
  .record(environmentIdSchema, environmentSchema)
  .refine((envs) => Object.keys(envs).length > 0, { error: 'expected at least one environment' });

export type Environment = z.output<typeof environmentSchema>;
export type Environments = z.output<typeof environmentsSchema>;
