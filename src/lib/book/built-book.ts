/** What the PDF tool needs to know about the book it prints, read from the built `book/index.html`. */
export interface BuiltBook {
  /** The base path the site was built with (`/`, `/runbooks/`): where to serve it so that its assets load. */
  base: string;
  /** `{ id → label }` of the environments the build knows, to check `--env` against. */
  environments: Record<string, string>;
  /** The commit the build was made from, as its cover says; undefined when the build did not know it. */
  commit: string | undefined;
}

/**
 * Reads the book's `data-base` and `data-commit` attributes and `#book-environments` element. The build, not the
 * environment the tool runs in, says what the site is: content may have changed since, or the site may have been
 * built for another base, or from another commit than the checkout's now.
 */
export function readBuiltBook(html: string): BuiltBook {
  const root = /<html\b[^>]*>/.exec(html)?.[0] ?? '';
  const base = /\sdata-base="([^"]*)"/.exec(root)?.[1];
  const commit = /\sdata-commit="([^"]*)"/.exec(root)?.[1];
  const environments = /<script type="application\/json" id="book-environments">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (base === undefined || environments === undefined)
    throw new Error('the built book is not one this tool knows (no data-base or #book-environments): rebuild the site');
  return {
    base,
    environments: JSON.parse(environments) as Record<string, string>,
    // Absent, not empty, when unknown (Astro leaves out an undefined attribute).
    commit: commit === undefined || commit === '' ? undefined : attributeText(commit),
  };
}

/** An attribute value as written: the build escapes `&`, `"`, `'`, `<` and `>` (a commit may come from RUNBOOKS_COMMIT). */
function attributeText(value: string): string {
  const entities: Record<string, string> = { amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' };
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, name: string) => entities[name]!);
}
