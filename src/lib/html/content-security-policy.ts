/**
 * The site's Content-Security-Policy: nothing from another origin, ever. Scripts and stylesheets are files of
 * the site (astro.config.mjs turns off inlining); pagefind compiles its WebAssembly (`'wasm-unsafe-eval'`);
 * Shiki colours tokens with `style` attributes (`style-src-attr 'unsafe-inline'`, which cannot run code).
 * Shipped as a `<meta>` in every page and, for hosts that read it, as a header (README: "Security headers").
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
