// The book (layouts/Book.astro): narrow the placeholder values to the environment asked for, then fill the commands,
// then tell `npm run pdf` that the book is ready to print.
import './book-environment.ts';

// Only now: command-blocks reads the values book-environment has just narrowed. A static import would not do, as the
// bundler evaluates shared chunks (command-blocks) before the code of this entry.
await import('./command-blocks.ts');
// What `npm run pdf` waits for before printing.
document.documentElement.dataset.bookReady = '';
