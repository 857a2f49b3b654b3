// Arriving from /alerts/<NAME>/ (components/AlertRedirect.astro) the page carries ?alert=NAME: mark that alert in the
// header's facts (components/RunbookFacts.astro) so the reader sees why they are here.
const named = new URL(location.href).searchParams.get('alert');
if (named) {
  for (const chip of document.querySelectorAll<HTMLElement>('.alert-name')) {
    if (chip.dataset.alert?.toLowerCase() === named.toLowerCase()) chip.setAttribute('aria-current', 'true');
  }
}
