// An alert's redirect page (components/AlertRedirect.astro): keep the alert link's query on the way to the runbook,
// all of it: `?env=staging` picks the environment and the other parameters fill the runbook's inputs
// (`?pod=api-7f9c`; the runbook page decides which it takes, scripts/reader-inputs.ts). Only `alert` is the page's
// own. Without JavaScript the page's refresh forwards without the query.
const link = document.querySelector<HTMLAnchorElement>('a[data-runbook]');
if (link) {
  const target = new URL(link.href);
  for (const [name, value] of new URL(location.href).searchParams) if (name !== 'alert') target.searchParams.append(name, value);
  location.replace(target);
}
