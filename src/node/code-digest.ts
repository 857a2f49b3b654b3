import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { digest } from './digest.ts';

/** What the site is built by, besides the content: a change here may change every page. */
const CODE = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/**
 * A digest of the site's own code (`src/`, the Astro config, the lockfile). Astro's incremental build re-renders a
 * page when its route's module graph changes, but not when the Markdown pipeline (src/plugins) does, and it keeps
 * rendered Markdown in its content cache across such changes: `npm run build` compares this digest with the one
 * of the last build and, when it differs, builds everything afresh (`astro build --force`).
 */
export function codeDigest(projectRoot: string): string {
  const files = CODE.flatMap((path) => {
    const full = join(projectRoot, path);
    if (!existsSync(full)) return [];
    if (!statSync(full).isDirectory()) return [path];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)));
  }).sort();
  return digest(files.map((file) => `${file}\0${readFileSync(join(projectRoot, file), 'utf8')}`).join('\0'));
}
