import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyText } from '../../../src/lib/web/copy-text.ts';

test('drops output lines, trailing spaces and surrounding blank lines', () => {
  assert.equal(
    copyText([
      { text: '', output: false },
      { text: 'kubectl get pods   ', output: false },
      { text: 'NAME READY', output: true },
      { text: '  | grep api', output: false },
      { text: '', output: false },
    ]),
    'kubectl get pods\n  | grep api',
  );
});
