/**
 * Where `npm run import` may read and write, decided before anything is read: in the style of the build's output
 * folder rules (src/lib/output/out-dir-rules.ts). Paths are absolute with symbolic links resolved (the caller does
 * that, src/node/import-source.ts), so a link cannot dress one place up as another.
 */
export interface ImportPlaces {
  /** The folder being imported. */
  source: string;
  /** The content root written into. */
  into: string;
  project: string;
  home: string | undefined;
}

/** Why the import may not run between these places, as the end of a sentence; undefined when it may. */
export function importPlaceProblem({ source, into, project, home }: ImportPlaces): string | undefined {
  const inside = (folder: string, parent: string) => folder === parent || folder.startsWith(parent === '/' ? '/' : `${parent}/`);
  if (into === '/') return `--into ${into} is the root of the file system`;
  if (home !== undefined && into === home) return `--into ${into} is your home folder`;
  if (into === project) return `--into ${into} is the project folder; the project's content root is ${project}/content (the default)`;
  if (inside(into, `${project}/src`)) return `--into ${into} is inside the project's own code (src/)`;
  if (inside(into, source)) return `--into ${into} is inside the folder being imported, ${source}: the import would read its own output`;
  if (inside(source, `${into}/runbooks`)) return `the folder ${source} is inside ${into}/runbooks: its pages are runbooks already`;
  return undefined;
}
