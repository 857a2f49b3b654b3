import { alertFromPath } from '../lib/web/alert-from-path.ts';
import { alertPath } from '../lib/web/urls.ts';

// On a static host every unknown path lands on the 404 page (src/pages/404.astro). For /alerts/<NAME>/ say which
// alert has no runbook, or forward to it when only the letter case differs from a known alert (FooBar vs foobar vs FOOBAR).
const name = alertFromPath(location.pathname, import.meta.env.BASE_URL);
if (name) {
  document.getElementById('not-found-alert-name')!.textContent = name;
  document.getElementById('not-found-alert')!.hidden = false;
  fetch(`${import.meta.env.BASE_URL}alerts.json`)
    .then((response) => response.json())
    .then((alerts: { alert: string; url: string }[]) => {
      const match = alerts.find((entry) => entry.alert.toLowerCase() === name.toLowerCase());
      if (match) location.replace(`${alertPath(import.meta.env.BASE_URL, match.alert)}${location.search}`);
    })
    .catch(() => {});
}
