import type { SourcePage } from '../content/source-page.ts';
import { markdownOutline, type Outline } from '../markdown/outline.ts';

// Several checks look at the same parse of a page; parsing once per page keeps `npm run check` (and so every build)
// quick on thousands of runbooks. Weak maps, so nothing outlives the pages.
const outlines = new WeakMap<SourcePage, Outline>();
const headingIds = new WeakMap<SourcePage, ReadonlySet<string>>();

/** `markdownOutline` of the page's body: headings, links and code blocks, parsed once. */
export function pageOutline(page: SourcePage): Outline {
  let outline = outlines.get(page);
  if (!outline) outlines.set(page, (outline = markdownOutline(page.body)));
  return outline;
}

/** The ids of the page's headings, which `#anchor` links must match; made once per page, not once per link. */
export function pageHeadingIds(page: SourcePage): ReadonlySet<string> {
  let ids = headingIds.get(page);
  if (!ids) headingIds.set(page, (ids = new Set(pageOutline(page).headings.map((heading) => heading.id))));
  return ids;
}
