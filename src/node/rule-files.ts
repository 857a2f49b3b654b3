import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Prometheus rule files a path names, as `npm run alerts:check` and `npm run import` read them: a file as
 * named, a folder searched for `.yml` and `.yaml` files (sorted); `undefined` when there is no such path. Hidden
 * folders and `node_modules` are left out: dependencies and tool folders (`.git`, `.github`) hold YAML that is never
 * a rule file.
 */
export function ruleFilesAt(path: string): string[] | undefined {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    return undefined;
  }
  if (!folder) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort()
    .map((name) => join(path, name));
}
