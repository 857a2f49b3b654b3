/** What the PDF tool needs to know about the book it prints, read from the built `book/index.html`. */
export interface BuiltBook {
  /** The base path the site was built with (`/`, `/runbooks/`): where to serve it so that its assets load. */
  base: string;
  /** `{ id → label }` of the environments the build knows, to check `--env` against. */
  environments: Record<string, string>;
  /** The commit the build was made from, as its cover says; undefined when the build did not know it. */
  commit: string | undefined;
  /** The site's public URL (RUNBOOKS_SITE) the build was made for; undefined when it was not set. */
  site: string | undefined;
  /** The service this is the book of (`book/services/<id>/`); undefined for the whole book. */
  service: string | undefined;
  /** `{ id → label }` of every service that has a book of its own (`book/services/<id>/`). */
  services: Record<string, string>;
}

/**
 * Reads the book's `data-base`, `data-commit`, `data-site` and `data-service` attributes and its `#book-environments`
 * and `#book-services` elements. The build, not the environment the tool runs in, says what the site is: content may
 * have changed since, or the site may have been built for another base or address, or from another commit than the
 * checkout's now.
 */
export function readBuiltBook(html: string): BuiltBook {
  const root = /<html\b[^>]*>/.exec(html)?.[0] ?? '';
  const attribute = (name: string) => {
    const value = new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
    // Absent, not empty, when unknown (Astro leaves out an undefined attribute).
    return value === undefined || value === '' ? undefined : attributeText(value);
  };
  const base = /\sdata-base="([^"]*)"/.exec(root)?.[1];
  const environments = jsonScript(html, 'book-environments');
  if (base === undefined || environments === undefined)
    throw new Error('the built book is not one this tool knows (no data-base or #book-environments): rebuild the site');
  const services = jsonScript(html, 'book-services');
  return {
    base,
    environments: JSON.parse(environments) as Record<string, string>,
    commit: attribute('data-commit'),
    site: attribute('data-site'),
    service: attribute('data-service'),
    // A build from before services had books of their own has none to offer.
    services: services === undefined ? {} : (JSON.parse(services) as Record<string, string>),
  };
}

/** The text of the frame's `<script type="application/json" id="…">`, as layouts/Book.astro writes it. */
function jsonScript(html: string, id: string): string | undefined {
  return new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)?.[1];
}

/**
 * An attribute value as written: the build escapes `&`, `"`, `'`, `<` and `>` (a commit may come from
 * RUNBOOKS_COMMIT, a site URL from RUNBOOKS_SITE).
 */
function attributeText(value: string): string {
  const entities: Record<string, string> = { amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' };
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, name: string) => entities[name]!);
}
