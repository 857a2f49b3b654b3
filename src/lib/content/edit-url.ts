/**
 * "Edit this page": `site.yaml`'s `edit_url` names the content root's folder in its repository
 * (`https://github.com/acme/runbooks/edit/main/content/`), and the page's path inside the content root is appended:
 * `runbooks/db/latency.md`. The path is not the one from the project (`content/runbooks/…`, or `../team/runbooks/…`
 * with RUNBOOKS_CONTENT_DIR), so the link is right wherever the content is checked out.
 *
 * `slug` is the page's path under `runbooks/` without its extension, `file` any path of the file, for the extension.
 */
export function editLink(editUrl: string, slug: string, file: string): string {
  const extension = /\.mdx?$/.exec(file)?.[0] ?? '';
  // A folder: without the trailing slash, URL resolution would replace its last segment.
  const folder = editUrl.endsWith('/') ? editUrl : `${editUrl}/`;
  const path = ['runbooks', ...`${slug}${extension}`.split('/')].map(encodeURIComponent).join('/');
  return new URL(path, folder).href;
}
