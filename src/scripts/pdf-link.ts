/**
 * `<pdf-link>` (components/PdfLink.astro). The PDFs are made after the build, so every link starts hidden and shows
 * once a HEAD request finds its file.
 */
class PdfLink extends HTMLElement {
  connectedCallback() {
    // Opened from disk (the offline copy) a request would only log a CORS error: the PDFs are not in the zip.
    if (location.protocol === 'file:') return;
    for (const link of this.querySelectorAll('a')) {
      // A host that answers every path with a page (200, text/html) must not reveal a link to nothing.
      fetch(link.href, { method: 'HEAD' }).then(
        (response) => {
          if (response.ok && response.headers.get('content-type')?.includes('pdf')) link.hidden = this.hidden = false;
        },
        () => {}, // Offline or file://: no link.
      );
    }
  }
}
customElements.define('pdf-link', PdfLink);
