import { z } from 'zod';
import { ownValue } from '../../web/placeholder-values.ts';
import { QUERY_LINK_BASES, queryLinkBaseProblem } from '../../web/query-links.ts';
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
  z.record(placeholderNameSchema, z.string({ error: (issue) => `expected a string value, got ${JSON.stringify(issue.input)}` })).superRefine((values, ctx) => {
    // `prometheus_url` and `grafana_url` are where the links of PromQL queries go (lib/web/query-links.ts): a
    // `javascript:` value would run in the reader's browser, and one without `http://` leads nowhere.
    for (const [name, example] of Object.entries(QUERY_LINK_BASES)) {
      const value = ownValue(values, name);
      const problem = value === undefined ? undefined : queryLinkBaseProblem(value, example);
      if (problem) ctx.addIssue({ code: 'custom', path: [name], input: value, message: problem });
    }
  }),
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
