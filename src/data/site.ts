import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildAlertIndex, type AlertEntry } from '../lib/alerts.ts';
import { codeBlocks } from '../lib/code-blocks.ts';
import { ContentError, type ContentProblem } from '../lib/content-problem.ts';
import { CONTENT_ROOT } from '../lib/content-root.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { environmentNames } from '../lib/environment-values.ts';
import { loadDataFile } from '../lib/load-data-file.ts';
import { unknownPlaceholders } from '../lib/placeholder-check.ts';
import { environmentsSchema, type Environments } from '../lib/schemas/environments.ts';
import { servicesSchema, type Services } from '../lib/schemas/services.ts';
import { DEFAULT_SEVERITY_DATA, severityDataSchema, severityLevel, type SeverityData } from '../lib/schemas/severity.ts';
import { sortPages } from '../lib/sort-pages.ts';

export type RunbookEntry = CollectionEntry<'runbooks'>;

/** A page with what every listing shows already worked out. */
export interface Page {
  entry: RunbookEntry;
  slug: string;
  /** Path of the source file relative to the project, for messages and "Edit this page". */
  file: string;
  /** Response and resolve targets in minutes: the page's own, else its severity's. */
  response: number | undefined;
  resolve: number | undefined;
  /** The team's name for the severity (`SEV-1`, `P0`), when it has one. */
  severityLabel: string | undefined;
}

export interface Site {
  pages: Page[];
  environments: Environments;
  severity: SeverityData;
  services: Services;
  alerts: AlertEntry[];
}

let site: Promise<Site> | undefined;

/**
 * Everything the pages render, loaded and cross-checked once per build. Problems that span files
 * (an alert in two runbooks, a placeholder no environment defines) fail the build here, all at once.
 */
export function loadSite(): Promise<Site> {
  site ??= load();
  return site;
}

async function load(): Promise<Site> {
  const environments = loadDataFile(join(CONTENT_ROOT, 'environments.yaml'), environmentsSchema);
  const severity = loadDataFile(join(CONTENT_ROOT, 'severity.yaml'), severityDataSchema, DEFAULT_SEVERITY_DATA);
  const services = loadDataFile(join(CONTENT_ROOT, 'services.yaml'), servicesSchema, {});
  const entries = await getCollection('runbooks');

  const problems: ContentProblem[] = [];
  const pages = entries.map((entry): Page => {
    const { data } = entry;
    const level = data.severity && severityLevel(severity, data.severity, data.service);
    const file = entry.filePath ?? entry.id;
    const known = new Set([...environmentNames(environments, data.service), ...data.inputs.map((input) => input.name)]);
    const placeholderProblems = unknownPlaceholders(codeBlocks(entry.body ?? ''), known, { file, bodyLine: 1 });
    // Astro keeps the body but not the line it starts on; read the file only when there is something to point at.
    if (placeholderProblems.length > 0) {
      const offset = splitFrontmatter(readFileSync(file, 'utf8')).bodyLine - 1;
      problems.push(...placeholderProblems.map((problem) => ({ ...problem, line: (problem.line ?? 1) + offset })));
    }
    return {
      entry,
      slug: entry.id,
      file,
      response: data.sla?.response ?? level?.response,
      resolve: data.sla?.resolve,
      severityLabel: level && level.label.toLowerCase() !== data.severity ? level.label : undefined,
    };
  });
  const alertIndex = buildAlertIndex(
    pages.map((page) => ({ ...page.entry.data, slug: page.slug, file: page.file, response: page.response })),
  );
  problems.push(...alertIndex.problems);
  if (problems.length > 0) throw new ContentError(problems);
  return { pages: sortPages(pages), environments, severity, services, alerts: alertIndex.entries };
}

