import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDestinations, parsePageCount } from '../../../src/lib/pdf/poppler-output.ts';
import { flattenOutline, parseOutline } from '../../helpers/pdf-outline.ts';

// Output of poppler-utils 22.12 (Debian 12) for a book printed by Chromium 156, cut down.
const PDFINFO = `Title:           Runbooks book · Production
Tagged:          yes
Pages:           134
Encrypted:       no
`;

const DESTS = `Page  Destination                 Name
   5 [ XYZ    0  843 null      ] "alert-index"
   6 [ XYZ    0  843 null      ] "rb-accubooks--complete-infrastructure-failure"
  10 [ XYZ    0  843 null      ] "rb-accubooks--authentication-failures"
`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE pdf2xml SYSTEM "pdf2xml.dtd">
<pdf2xml producer="poppler" version="22.12.0">
<page number="1" position="absolute" top="0" left="0" height="1263" width="893">
<text top="228" left="73" width="44" height="20" font="2"><a href="x.html#2">Alpha</a></text>
</page>
<outline>
<item page="1">Runbooks</item>
<item page="2">Contents</item>
<outline>
<item page="2">AccuBooks</item>
</outline>
<item page="6">Deploy &amp; roll back “safely”</item>
<outline>
<item page="6">Symptoms</item>
<outline>
<item page="7">Deep</item>
</outline>
<item page="7">Verification</item>
</outline>
<item>No page</item>
</outline>
</pdf2xml>
`;

describe('poppler output', () => {
  test('page count from pdfinfo', () => {
    assert.equal(parsePageCount(PDFINFO), 134);
    assert.throws(() => parsePageCount('Syntax Error: broken'), /pdfinfo printed no page count/);
  });

  test('named destinations from pdfinfo -dests, the header line skipped', () => {
    assert.deepEqual(
      [...parseDestinations(DESTS)],
      [
        ['alert-index', 5],
        ['rb-accubooks--complete-infrastructure-failure', 6],
        ['rb-accubooks--authentication-failures', 10],
      ],
    );
  });

  test('the outline as a tree: nested <outline> elements belong to the item before them', () => {
    const outline = parseOutline(XML);
    assert.deepEqual(
      outline.map((item) => [item.title, item.page, item.children.length]),
      [
        ['Runbooks', 1, 0],
        ['Contents', 2, 1],
        ['Deploy & roll back “safely”', 6, 2],
        ['No page', undefined, 0],
      ],
    );
    assert.deepEqual(
      flattenOutline(outline).map(({ item, depth }) => `${depth}:${item.title}`),
      ['0:Runbooks', '0:Contents', '1:AccuBooks', '0:Deploy & roll back “safely”', '1:Symptoms', '2:Deep', '1:Verification', '0:No page'],
    );
  });

  test('a PDF without bookmarks has an empty outline', () => {
    assert.deepEqual(parseOutline('<pdf2xml><page number="1"></page></pdf2xml>'), []);
  });
});
