// The book (layouts/Book.astro): narrow the placeholder values to the environment asked for, then fill the commands,
// then tell `npm run pdf` that the book is ready to print.
import './book-environment.ts';

// Only now: command-blocks reads the values book-environment has just narrowed. A static import would not do, as the
// bundler evaluates shared chunks (command-blocks) before the code of this entry.
await import('./command-blocks.ts');
// The PDF carries the links to each query in the environment it is printed for: they must be there first.
// command-blocks.ts loads them when the book has a query, as here.
if (document.querySelector('[data-query]')) await (await import('./query-links.ts')).attached;
// What `npm run pdf` waits for before printing.
document.documentElement.dataset.bookReady = '';
