/** What the PDF tool needs to know about the book it prints, read from the built `book/index.html`. */
export interface BuiltBook {
  /** The base path the site was built with (`/`, `/runbooks/`): where to serve it so that its assets load. */
  base: string;
  /** `{ id → label }` of the environments the build knows, to check `--env` against. */
  environments: Record<string, string>;
}

/**
 * Reads the book's `data-base` attribute and `#book-environments` element. The build, not the environment the tool
 * runs in, says what the site is: content may have changed since, or the site may have been built for another base.
 */
export function readBuiltBook(html: string): BuiltBook {
  const base = /<html\b[^>]*\sdata-base="([^"]*)"/.exec(html)?.[1];
  const environments = /<script type="application\/json" id="book-environments">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (base === undefined || environments === undefined)
    throw new Error('the built book is not one this tool knows (no data-base or #book-environments): rebuild the site');
  return { base, environments: JSON.parse(environments) as Record<string, string> };
}
