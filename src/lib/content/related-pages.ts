interface Relatable {
  slug: string;
  entry: { data: { related: readonly string[] } };
}

/**
 * Resolves a page's `related` slugs to pages, in the order the author wrote them; a slug no page has is skipped
 * (`npm run check` reports it). One map built once, not a search through every page per slug: a runbook page and
 * the book both ask, and a site may have thousands of pages.
 */
export function relatedPages<T extends Relatable>(pages: readonly T[]): (page: T) => T[] {
  const bySlug = new Map<string, T>();
  for (const page of pages) if (!bySlug.has(page.slug)) bySlug.set(page.slug, page);
  return (page) => page.entry.data.related.flatMap((slug) => bySlug.get(slug) ?? []);
}
