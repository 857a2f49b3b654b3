import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { parseDataFile } from '../lib/content/data-file.ts';
import { type Environments, environmentsSchema } from '../lib/content/schemas/environments.ts';
import { type Services, servicesSchema } from '../lib/content/schemas/services.ts';
import { DEFAULT_SEVERITY_DATA, type SeverityData, severityDataSchema } from '../lib/content/schemas/severity.ts';
import { type SiteConfig, siteConfigSchema } from '../lib/content/schemas/site.ts';
import { ContentError } from '../lib/errors.ts';

/**
 * Reads and validates a YAML data file. Returns `fallback` when the file does not exist and one is given; throws a
 * ContentError naming file, line and key otherwise.
 */
export function loadDataFile<Schema extends z.ZodType>(path: string, schema: Schema, fallback?: z.output<Schema>): z.output<Schema> {
  const file = relative(process.cwd(), path);
  if (!existsSync(path)) {
    if (fallback !== undefined) return fallback;
    throw new ContentError([{ severity: 'error', file, message: 'file not found' }]);
  }
  return parseDataFile(readFileSync(path, 'utf8'), file, schema);
}

/** The four data files of a content root, each as its schema gives it. */
export interface DataFiles {
  environments: Environments;
  severity: SeverityData;
  services: Services;
  site: SiteConfig;
}

/** Each data file of `contentRoot` by its name, with the defaults of the optional ones: the one place that names them. */
export const DATA_FILES = {
  environments: (root: string) => loadDataFile(join(root, 'environments.yaml'), environmentsSchema),
  severity: (root: string) => loadDataFile(join(root, 'severity.yaml'), severityDataSchema, DEFAULT_SEVERITY_DATA),
  services: (root: string) => loadDataFile(join(root, 'services.yaml'), servicesSchema, {}),
  site: (root: string) => loadDataFile(join(root, 'site.yaml'), siteConfigSchema, {}),
} satisfies { [Name in keyof DataFiles]: (root: string) => DataFiles[Name] };

/** Every data file; throws the first file's ContentError (the build stops on it). */
export function loadData(contentRoot: string): DataFiles {
  return {
    environments: DATA_FILES.environments(contentRoot),
    severity: DATA_FILES.severity(contentRoot),
    services: DATA_FILES.services(contentRoot),
    site: DATA_FILES.site(contentRoot),
  };
}
