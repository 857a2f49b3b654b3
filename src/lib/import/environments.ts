import { Document } from 'yaml';

/**
 * The `environments.yaml` of a new content root: one environment, so that the site builds and the reader has an
 * environment to pick, with a comment saying what to add. The imported pages' `{{placeholders}}` are their
 * `inputs` (the reader fills them in) until the environments define them.
 */
export function minimalEnvironments(): string {
  const doc = new Document({ production: { label: 'Production', vars: {} } });
  doc.commentBefore = [
    ' Written by npm run import: the environments the reader can pick (the first is the default) and the values of',
    ' the {{placeholders}} of their commands, for every service (vars) or per service (services). Add your own:',
    ' README.md, "Placeholders and environments".',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
