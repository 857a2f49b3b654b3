import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import type { LocatedRule } from '../lib/alerts/coverage.ts';
import { parseRuleFile } from '../lib/alerts/prometheus-rules.ts';
import { firstInvalidUtf8, isEmptyFile } from '../lib/checks/files.ts';
import { IMAGE_HEAD_BYTES } from '../lib/import/image-format.ts';
import { importPlaceProblem } from '../lib/import/places.ts';
import { pageExtension, type SourceFolder, type TargetRoot } from '../lib/import/plan.ts';
import { readContent } from './read-content.ts';
import { realPath } from './real-path.ts';
import { ruleFilesAt } from './rule-files.ts';
import { shownPath } from './shown-path.ts';

/**
 * What `npm run import` reads: the old collection's folder, the rule files, and the content root it writes into,
 * turned into the plain values src/lib/import plans with.
 */

/** Why the import may not run from `source` into `into` (src/lib/import/places.ts), or undefined. */
export function importPlaceRefusal(source: string, into: string, project: string): string | undefined {
  let home: string | undefined;
  try {
    home = homedir() ? realPath(homedir()) : undefined;
  } catch {
    home = undefined;
  }
  return importPlaceProblem({ source: realPath(source), into: realPath(into), project: realPath(project), home });
}

/**
 * Every file of the folder, hidden ones left out as the build leaves them out (`.git`, an editor's lock file).
 * Symbolic links are not followed: one that leads out of the folder would import a file the author never meant to
 * publish (`/etc/passwd` named `notes.md`), and one that stays inside is the same file as its target, which is read
 * under its own name. Pages must be UTF-8 text; of every other file, the first bytes tell what it is.
 */
export function readSourceFolder(folder: string): SourceFolder {
  const root = realPath(folder);
  const source: SourceFolder = { label: shownPath(folder), name: basename(root), pages: [], files: [], unread: [] };
  const walk = (relativeFolder: string): void => {
    const absolute = join(root, relativeFolder);
    let names: string[];
    try {
      names = readdirSync(absolute).sort();
    } catch (error) {
      source.unread.push({ path: relativeFolder || '.', reason: `cannot read the folder: ${(error as Error).message}` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = relativeFolder ? `${relativeFolder}/${name}` : name;
      const file = join(absolute, name);
      let stat: ReturnType<typeof lstatSync>;
      try {
        stat = lstatSync(file);
      } catch (error) {
        source.unread.push({ path, reason: `cannot read it: ${(error as Error).message}` });
        continue;
      }
      if (stat.isSymbolicLink()) {
        const to = realPath(file);
        const outside = to !== root && !to.startsWith(`${root}${sep}`);
        source.unread.push({
          path,
          reason: outside
            ? `a symbolic link to ${to}, outside the folder: not followed`
            : 'a symbolic link: not followed (what it points at inside the folder is read under its own name)',
        });
        continue;
      }
      if (stat.isDirectory()) {
        walk(path);
        continue;
      }
      if (!stat.isFile()) {
        source.unread.push({ path, reason: 'not a regular file' });
        continue;
      }
      try {
        if (pageExtension(name) !== undefined) readPage(path, file);
        else source.files.push({ path, head: head(file) });
      } catch (error) {
        source.unread.push({ path, reason: `cannot read it: ${(error as Error).message}` });
      }
    }
  };
  const readPage = (path: string, file: string) => {
    const bytes = readFileSync(file);
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) {
      source.unread.push({
        path,
        reason: `not UTF-8 (byte 0x${bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${invalid}): save it as UTF-8`,
      });
    } else if (isEmptyFile(bytes)) source.unread.push({ path, reason: 'an empty file' });
    else source.pages.push({ path, text: bytes.toString('utf8') });
  };
  walk('');
  return source;
}

/** The first bytes of a file, which tell an image from a file named like one. */
function head(file: string): Uint8Array {
  const buffer = new Uint8Array(IMAGE_HEAD_BYTES);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, IMAGE_HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The alerting rules of the rule files and folders (`.yml`/`.yaml` in a folder, hidden ones and `node_modules` left
 * out, as `npm run alerts:check` reads them), and what keeps a file from being read: then nothing is imported,
 * because an import never overwrites and a page imported without its rules would keep frontmatter that is wrong.
 */
export function readRuleFiles(paths: readonly string[]): { rules: LocatedRule[]; files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const found = ruleFilesAt(path);
    if (!found) problems.push(`${path}: no such file or folder`);
    else if (found.length === 0) problems.push(`${path}: no .yml or .yaml files in it`);
    else files.push(...found);
  }
  const rules: LocatedRule[] = [];
  const shown = [...new Set(files.map(shownPath))];
  for (const file of shown) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot read the file: ${(error as Error).message}`);
      continue;
    }
    const parsed = parseRuleFile(text);
    problems.push(...parsed.problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message}`));
    rules.push(...parsed.rules.map((rule) => ({ ...rule, file })));
  }
  return { rules, files: shown, problems };
}

/** The content root as it is: its runbooks, every file under `runbooks/`, its data. An absent root is an empty one. */
export function readTargetRoot(root: string): TargetRoot & { pageFiles: string[]; dataFiles: string[] } {
  const runbooks = join(root, 'runbooks');
  const empty = { label: shownPath(runbooks), pages: [], files: new Set<string>(), environments: undefined, hasEnvironmentsFile: false };
  if (!existsSync(root)) return { ...empty, severity: readContent(root).severity, pageFiles: [], dataFiles: [] };
  const content = readContent(root);
  const files = existsSync(runbooks)
    ? new Set(readdirSync(runbooks, { recursive: true, encoding: 'utf8' }).map((name) => name.split(sep).join('/')))
    : new Set<string>();
  return {
    ...empty,
    pages: content.pages.map((page) => ({ slug: page.slug, file: shownPath(resolve(page.file)), alerts: page.data?.alerts ?? [] })),
    files,
    environments: content.environments,
    hasEnvironmentsFile: existsSync(join(root, 'environments.yaml')),
    severity: content.severity,
    pageFiles: content.pages.map((page) => resolve(page.file)),
    dataFiles: readdirSync(root)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(root, name)),
  };
}
