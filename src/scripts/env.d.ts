// `import.meta.env` (BASE_URL) as Vite replaces it in browser bundles, without the rest of Astro's types.
/// <reference types="vite/client" />
