import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { linkInputs } from '../../../src/lib/alerts/link-inputs.ts';
import type { KnownLabels } from '../../../src/lib/alerts/series-labels.ts';
import type { LinkInput } from '../../../src/lib/web/link-values.ts';

const inputs: LinkInput[] = [{ name: 'namespace' }, { name: 'pod' }, { name: 'node', label: 'instance' }];
const url = 'https://runbooks.example.com/alerts/KubePodCrashLooping/';
const known = (...labels: string[]): KnownLabels => new Set(labels);
const template = (label: string) => `{{ $labels.${label} | urlquery }}`;

describe('linkInputs', () => {
  const cases: [string, string, readonly LinkInput[], KnownLabels, string, string[]][] = [
    [
      'each input whose label is known, in the order declared; the label when it is named otherwise',
      url,
      inputs,
      known('pod', 'namespace', 'instance', 'job'),
      `${url}?namespace=${template('namespace')}&pod=${template('pod')}&node=${template('instance')}`,
      ['namespace', 'pod', 'node'],
    ],
    ['a label not known: left to the reader', url, inputs, known('pod'), `${url}?pod=${template('pod')}`, ['pod']],
    ['an input named like a known label but taking another label', url, inputs, known('node'), url, []],
    ['unknown: nothing', url, inputs, 'unknown', url, []],
    ['nothing known', url, inputs, known(), url, []],
    ['after an existing query', `${url}?env=production`, inputs, known('pod'), `${url}?env=production&pod=${template('pod')}`, ['pod']],
    ['before the fragment', `${url}?env=production#logs`, inputs, known('pod'), `${url}?env=production&pod=${template('pod')}#logs`, ['pod']],
    ['a fragment and no query', `${url}#logs`, inputs, known('pod'), `${url}?pod=${template('pod')}#logs`, ['pod']],
    ['after an empty query or a trailing &', `${url}?env=x&`, inputs, known('pod'), `${url}?env=x&pod=${template('pod')}`, ['pod']],
    [
      'an input the URL fills already, by its name',
      `${url}?pod=api-1`,
      inputs,
      known('pod', 'namespace'),
      `${url}?pod=api-1&namespace=${template('namespace')}`,
      ['namespace'],
    ],
    [
      'an input the URL fills already, by its label',
      `${url}?instance=${template('instance')}`,
      inputs,
      known('instance'),
      `${url}?instance=${template('instance')}`,
      [],
    ],
    [
      'a label that is no Go template field is read with index',
      url,
      [{ name: 'service', label: 'service.name' }],
      known('service.name'),
      `${url}?service={{ index $labels "service.name" | urlquery }}`,
      ['service'],
    ],
  ];
  for (const [name, before, declared, labels, after, linked] of cases) {
    test(name, () => assert.deepEqual(linkInputs(before, declared, labels), { url: after, linked }));
  }
});
