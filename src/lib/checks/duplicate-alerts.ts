import { alertSource, buildAlertIndex } from '../alerts/alert-index.ts';
import type { SourcePage } from '../content/source-page.ts';
import { type ContentProblem, fieldPosition } from '../errors.ts';

/**
 * An alert named by two runbooks (or twice by one): `/alerts/<name>/` can lead to only one page. The build's rule
 * (`buildAlertIndex`), with the line of the second mention added, which the build cannot know.
 */
export function checkDuplicateAlerts(pages: readonly SourcePage[]): ContentProblem[] {
  const valid = pages.flatMap((page) => (page.data ? [{ page, data: page.data }] : []));
  const { problems } = buildAlertIndex(valid.map(({ page, data }) => alertSource({ ...page, data })));
  return problems.map((problem) => {
    const page = valid.find((candidate) => candidate.page.file === problem.file);
    const alert = /^alert "([^"]+)"/.exec(problem.message)?.[1];
    // The problem is always about the later mention: in another file its only one, in the same file the last one.
    const index = alert === undefined ? -1 : (page?.data.alerts.lastIndexOf(alert) ?? -1);
    const position = page && index >= 0 ? fieldPosition(page.page.yaml, ['alerts', index], page.page.yamlLine) : undefined;
    return { ...problem, ...position };
  });
}
