/** What the site works out for a page besides its own frontmatter (src/data/load-site.ts), shown by every listing. */
export interface PageFacts {
  slug: string;
  /** Path of the source file relative to the project, for messages and "Edit this page". */
  file: string;
  /** Response and resolve targets in minutes: the page's own, else its severity's. */
  response: number | undefined;
  resolve: number | undefined;
  /** The team's name for the severity (`SEV-1`, `P0`), when it has one. */
  severityLabel: string | undefined;
  /** Last reviewed longer ago than the page's (or the site's) review period. */
  reviewOverdue: boolean;
}
