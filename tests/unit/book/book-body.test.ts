import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookBodySlot, bookSlots, FRAME_NOTE, fillBook, PAGE_BODY_END, PAGE_BODY_START, pageBody } from '../../../src/lib/book/book-body.ts';

const page = (body: string) => `<html><main><h1>T</h1><div class="content">${PAGE_BODY_START}${body}${PAGE_BODY_END}</div><aside>toc</aside></main></html>`;

describe('the body of a built page', () => {
  test('is what lies between the layout markers', () => {
    assert.equal(pageBody(page('<h2 id="a">A</h2>')), '<h2 id="a">A</h2>');
  });

  test('stays whole when the content itself repeats a marker', () => {
    const body = `<p>x</p>${PAGE_BODY_END}${PAGE_BODY_START}<p>y</p>`;
    assert.equal(pageBody(page(body)), body);
  });

  test('is undefined for a page built without markers', () => {
    assert.equal(pageBody('<html><main><p>old</p></main></html>'), undefined);
  });
});

describe('filling the book frame', () => {
  const frame = `<html data-base="/">${FRAME_NOTE}<section id="rb-db--cpu">${bookBodySlot('db/cpu')}</section><section id="rb-db--disk">${bookBodySlot('db/disk')}</section></html>`;
  const bodies: Record<string, string> = {
    'db/cpu': '<h2 id="steps">Steps</h2><a href="/runbooks/db/disk/#check">disk</a>',
    'db/disk': '<h2 id="check">Check</h2><a href="#check">here</a>',
  };

  test('lists the slots in book order', () => {
    assert.deepEqual(bookSlots(frame), ['db/cpu', 'db/disk']);
  });

  test("puts each page's body in its slot, ids and links made the book's, and drops the frame's note", () => {
    assert.equal(
      fillBook(frame, '/', (slug) => bodies[slug]!),
      '<html data-base="/"><section id="rb-db--cpu"><h2 id="rb-db--cpu/steps">Steps</h2><a href="#rb-db--disk/check">disk</a></section>' +
        '<section id="rb-db--disk"><h2 id="rb-db--disk/check">Check</h2><a href="#rb-db--disk/check">here</a></section></html>',
    );
  });

  test("a team's book: links to pages it does not hold go to the site, or say where the page is", () => {
    const team = `<html data-base="/"><section id="rb-db--cpu">${bookBodySlot('db/cpu')}</section></html>`;
    const body = (slug: string) => (slug === 'db/cpu' ? '<a href="/runbooks/db/disk/#check">disk</a>' : '');
    assert.equal(
      fillBook(team, '/', body, undefined, 'https://ops.example.com'),
      '<html data-base="/"><section id="rb-db--cpu"><a href="https://ops.example.com/runbooks/db/disk/#check" data-not-in-book>disk</a></section></html>',
    );
    assert.equal(fillBook(team, '/', body), '<html data-base="/"><section id="rb-db--cpu"><a data-not-in-book="/runbooks/db/disk/">disk</a></section></html>');
  });

  test('the site changes nothing in a book that holds every page it links to', () => {
    const bodyOf = (slug: string) => bodies[slug]!;
    assert.equal(fillBook(frame, '/', bodyOf, undefined, 'https://ops.example.com'), fillBook(frame, '/', bodyOf));
  });

  test('an error reading one body stops the filling', () => {
    assert.throws(
      () =>
        fillBook(frame, '/', (slug) => {
          throw new Error(`no ${slug}`);
        }),
      { message: 'no db/cpu' },
    );
  });
});
