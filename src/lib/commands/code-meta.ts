/**
 * Words an author may put after the language of a fence, e.g. ```` ```bash destructive ````.
 * - `destructive`: warn and confirm before copying, even when no rule matches.
 * - `noplaceholders`: show and copy `{{…}}` literally in this block.
 * - `nocopy`: no copy button (for output samples that are never run).
 * - `nocheck`: `npm run check` does not parse the block (src/lib/snippets/), for a deliberate fragment.
 * - `mysql`: an `sql` block in MySQL's dialect, which PostgreSQL's parser would misread: counted, not parsed.
 */
export interface CodeMeta {
  destructive: boolean;
  placeholders: boolean;
  copy: boolean;
  check: boolean;
  mysql: boolean;
}

export function parseCodeMeta(meta: string | undefined): CodeMeta {
  const words = new Set((meta ?? '').split(/\s+/).filter(Boolean));
  return {
    destructive: words.has('destructive'),
    placeholders: !words.has('noplaceholders'),
    copy: !words.has('nocopy'),
    check: !words.has('nocheck'),
    mysql: words.has('mysql'),
  };
}
