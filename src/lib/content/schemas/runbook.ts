import { z } from 'zod';
import { RESERVED_INPUT_NAMES } from '../../web/link-values.ts';
import { daySchema, durationSchema, IDENTIFIER, placeholderNameSchema, severitySchema, slugSchema } from './common.ts';

/**
 * The longest alert name: each alert gets a page, `/alerts/<name>/`, and a file system takes at most 255 bytes for
 * the folder's name. Prometheus sets no limit; real alert names stay well under a hundred characters.
 */
export const MAX_ALERT_NAME_LENGTH = 200;

/** Prometheus-style alert names, kept verbatim: `KubePodCrashLooping`, `DB_CPU_HIGH`. */
export const alertNameSchema = z
  .string({ error: (issue) => `expected an alert name, got ${JSON.stringify(issue.input)}` })
  .regex(/^[A-Za-z_][A-Za-z0-9_:.-]*$/, {
    error: (issue) => `expected an alert name of letters, digits and _ : . - (no spaces), got ${JSON.stringify(issue.input)}`,
  })
  .max(MAX_ALERT_NAME_LENGTH, {
    error: (issue) =>
      `expected an alert name of at most ${MAX_ALERT_NAME_LENGTH} characters (it names the page /alerts/<name>/), got ${(issue.input as string).length}: ${JSON.stringify(`${(issue.input as string).slice(0, 40)}…`)}`,
  });

const inputNameSchema = placeholderNameSchema.refine((name) => !RESERVED_INPUT_NAMES.has(name), {
  error: (issue) =>
    `the input name ${JSON.stringify(issue.input)} is reserved: ?${issue.input as string}= in a link already means the ${issue.input === 'env' ? 'environment' : 'alert the reader came from'}; name the input after what it holds (e.g. "cluster")`,
});

/** An input: its name alone (`pod`), or `{ name, description, label }`. The name alone is read as `{ name }`. */
const inputSchema = z.preprocess(
  (input) => (typeof input === 'string' ? { name: input } : input),
  z.object(
    {
      /** The placeholder, as written between the braces; also the query parameter an alert link fills it with. */
      name: inputNameSchema,
      /** One line telling the reader where to find the value. */
      description: z.string().optional(),
      /**
       * The alert label the value comes from, when it is not named like the input (`{ name: node, label: instance }`):
       * `alerts:check --fix --link-inputs` writes `node={{ $labels.instance | urlquery }}` into the rule's runbook_url.
       */
      label: z
        .string()
        .regex(IDENTIFIER, { error: (issue) => `expected a Prometheus label name like "instance", got ${JSON.stringify(issue.input)}` })
        .optional(),
    },
    { error: (issue) => `expected an input name, or { name, description, label }, got ${JSON.stringify(issue.input)}` },
  ),
);

const slaSchema = z.object({
  /** How fast someone must be working on it: `5m`, `15m`, `1h` … */
  response: durationSchema,
  /** How fast it should be resolved, when the team has a target. */
  resolve: durationSchema.optional(),
});

/** Pages that support incident response rather than answer a page: procedures and reference pages. */
const SUPPORTING_KINDS = ['procedure', 'reference'] as const;
/** The kinds of page, in the order every listing shows them: incidents first. */
export const KINDS = ['incident', ...SUPPORTING_KINDS] as const;

/**
 * Frontmatter keys that Astro's MDX compile turns into code: `layout` makes the page's module import the module it
 * names (a `.mjs` file of the same pull request, say), which runs it when the site is built. The site renders every
 * page in its own layout, so no page needs one: the schema refuses them, and the build drops them from MDX before
 * it compiles (src/plugins/mdast-mdx-code-guard.ts) in case the check was skipped.
 */
export const CODE_FRONTMATTER_KEYS = ['layout'] as const;

const codeKeyFields = Object.fromEntries(
  CODE_FRONTMATTER_KEYS.map((key) => [
    key,
    z
      .never({ error: `it makes the page import and run a module when the site is built, and every runbook uses the site's own layout: remove the key` })
      .optional(),
  ]),
);

/** Fields every page has, whatever its kind. */
const pageFields = {
  ...codeKeyFields,
  /** What the page is about, in the words an on-call engineer would search for. */
  title: z.string({ error: 'expected a title' }).trim().min(1, { error: 'expected a non-empty title' }),
  /** One sentence: when to open this page. */
  summary: z.string({ error: 'expected a one-sentence summary' }).trim().min(1, { error: 'expected a non-empty summary' }),
  /** The service the page belongs to (a slug, e.g. `payments-api`). */
  service: slugSchema,
  /** Team or role that owns the page. */
  owner: z.string().optional(),
  /** Free keywords, searchable. */
  tags: z
    .array(
      z.union([z.string(), z.number().transform(String)], {
        error: (issue) => `expected a keyword (text), got ${JSON.stringify(issue.input)?.slice(0, 60)}`,
      }),
    )
    .default([]),
  /** When someone last checked the page against reality. */
  last_reviewed: daySchema.optional(),
  /** Review period for this page, overriding the site-wide one (e.g. `90d`). */
  review_every: durationSchema.optional(),
  /** Slugs of other pages to read alongside (`<group>/<name>`). */
  related: z.array(z.string()).default([]),
  /** Placeholders the reader fills in (not environment values): names, or `{ name, description }`. */
  inputs: z.array(inputSchema).default([]),
  /**
   * `false` skips the syntax check of the page's snippets (src/lib/snippets/): for an imported collection whose fences
   * cannot be edited one by one. `npm run check` counts the pages that opt out.
   */
  check_snippets: z.boolean({ error: (issue) => `expected true or false, got ${JSON.stringify(issue.input)}` }).default(true),
};

const alertsSchema = z.array(alertNameSchema, {
  error: (issue) => `expected a list of alert names, got ${JSON.stringify(issue.input)}`,
});

/** An incident runbook: something is broken and someone was paged. The default kind. */
const incidentSchema = z.object({
  /** `incident` (the default when omitted): the page someone lands on from an alert. */
  kind: z.literal('incident'),
  ...pageFields,
  /** How bad it is. */
  severity: severitySchema,
  /** The alerts that page for this; each alert belongs to exactly one runbook. May be empty. */
  alerts: alertsSchema,
  sla: slaSchema,
});

/** A procedure (deploy, rollback, restore, vacuum …) or a reference page (checklists, templates, contacts). */
const supportingSchema = z.object({
  /** `procedure` (deploy, rollback, restore …) or `reference` (checklists, templates, contacts). */
  kind: z.enum(SUPPORTING_KINDS),
  ...pageFields,
  severity: severitySchema.optional(),
  alerts: alertsSchema.default([]),
  /** Defaults to the response target of `severity` when there is one. */
  sla: slaSchema.optional(),
});

/** Frontmatter of a page under `content/runbooks/<group>/<name>.{md,mdx}`. `kind` defaults to `incident`. */
export const runbookSchema = z.preprocess(
  (data) => (data && typeof data === 'object' && !('kind' in data) ? { ...data, kind: 'incident' } : data),
  z.discriminatedUnion('kind', [incidentSchema, supportingSchema], {
    error: (issue) => `expected one of ${KINDS.join('|')}, got ${JSON.stringify((issue.input as { kind?: unknown } | undefined)?.kind)}`,
  }),
);

export type RunbookData = z.output<typeof runbookSchema>;
export type RunbookKind = RunbookData['kind'];
