// An alert's redirect page (components/AlertRedirect.astro): keep the environment from the alert link
// (?env=staging) on the way to the runbook. Without JavaScript the page's refresh forwards without it.
const link = document.querySelector<HTMLAnchorElement>('a[data-runbook]');
if (link) {
  const target = new URL(link.href);
  const env = new URL(location.href).searchParams.get('env');
  if (env) target.searchParams.set('env', env);
  location.replace(target);
}
