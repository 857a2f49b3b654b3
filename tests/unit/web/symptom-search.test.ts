import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  alertNamedIn,
  isFormOf,
  MAX_WORDS_ALONE,
  partialMatchLabel,
  queryWords,
  rankPartialMatches,
  type WordHit,
  wordAt,
  wordsToSearchAlone,
} from '../../../src/lib/web/symptom-search.ts';
import { withAlert } from '../../../src/lib/web/urls.ts';

describe('queryWords', () => {
  const cases: [string, string[]][] = [
    ['pod keeps restarting', ['pod', 'keeps', 'restarting']],
    ["customers can't log in", ['customers', 'log']],
    ['Container killed out of memory', ['container', 'killed', 'memory']],
    ['  disk   almost full  ', ['disk', 'almost', 'full']],
    ['SEV-2 (high) incident!', ['sev2', 'high', 'incident']],
    ['DB_CPU_HIGH firing', ['db_cpu_high', 'firing']],
    ['restart the pod, then restart it', ['restart', 'pod']],
    ['it is not the', []],
    ['', []],
  ];
  for (const [query, expected] of cases) test(JSON.stringify(query), () => assert.deepEqual(queryWords(query), expected));
});

describe('wordsToSearchAlone', () => {
  test('a single word would only repeat the whole query', () => assert.deepEqual(wordsToSearchAlone('vacuum'), []));
  test('one word left after the stop words is still worth searching alone', () => assert.deepEqual(wordsToSearchAlone('the vacuum'), ['vacuum']));
  test('several words', () => assert.deepEqual(wordsToSearchAlone('site is slow'), ['site', 'slow']));
  test('only stop words', () => assert.deepEqual(wordsToSearchAlone('it is not'), []));
  test('a pasted paragraph: its first words only', () => {
    const words = Array.from({ length: 50 }, (_, index) => `word${index}`);
    assert.deepEqual(wordsToSearchAlone(words.join(' ')), words.slice(0, MAX_WORDS_ALONE));
  });
});

describe('isFormOf: a form of the query word, not a shorter prefix pagefind fell back to', () => {
  const cases: [string, string, boolean][] = [
    ['restarting', 'Restart', true],
    ['slowly', 'slow.', true],
    ['flooded', 'flood', true],
    ['customers', 'customer', true],
    ['crashes', 'CrashLoopBackOff,', true],
    ['off', 'CrashLoopBackOff', true],
    ['pod', 'pods', true],
    ['log', 'login', true],
    ['throttled', 'ThrottlingException', true],
    ['accidentally', 'AccuBooks', false],
    ['forever', 'for', false],
    ['maxed', 'MAX(updated_at)', false],
    ['amazon', 'AM', false],
    ['offline', 'off', false],
    ['pod', 'po', false],
    ['', 'anything', false],
    ['word', '', false],
  ];
  for (const [word, pageWord, expected] of cases) test(`${word} / ${pageWord}`, () => assert.equal(isFormOf(word, pageWord), expected));
});

describe('wordAt', () => {
  test('counts white-space separated words from zero', () => assert.equal(wordAt('Pods not starting.  Use when\npods', 3), 'Use'));
  test('past the end', () => assert.equal(wordAt('one two', 2), undefined));
});

describe('rankPartialMatches', () => {
  const hits = (entries: [string, number][]): WordHit[] => entries.map(([id, score]) => ({ id, score }));
  test('more words first, then the higher summed score', () => {
    const ranked = rankPartialMatches(
      new Map([
        [
          'memory',
          hits([
            ['a', 11],
            ['b', 11],
            ['c', 3],
          ]),
        ],
        [
          'killed',
          hits([
            ['b', 17],
            ['d', 40],
          ]),
        ],
        [
          'container',
          hits([
            ['b', 2.9],
            ['c', 2.6],
          ]),
        ],
      ]),
    );
    assert.deepEqual(
      ranked.map((match) => [match.id, match.words, Math.round(match.score * 10) / 10]),
      [
        ['b', ['memory', 'killed', 'container'], 30.9],
        ['c', ['memory', 'container'], 5.6],
        ['d', ['killed'], 40],
        ['a', ['memory'], 11],
      ],
    );
  });
  test('equal pages keep the id order, whatever order the searches answered in', () => {
    const one = rankPartialMatches(
      new Map([
        [
          'x',
          hits([
            ['b', 1],
            ['a', 1],
          ]),
        ],
      ]),
    );
    assert.deepEqual(
      one.map((match) => match.id),
      ['a', 'b'],
    );
  });
  test('a page listed twice for one word counts once', () => {
    const [match] = rankPartialMatches(
      new Map([
        [
          'x',
          hits([
            ['a', 2],
            ['a', 3],
          ]),
        ],
      ]),
    );
    assert.deepEqual(match, { id: 'a', words: ['x'], score: 2 });
  });
  test('no words, no pages', () => assert.deepEqual(rankPartialMatches(new Map()), []));
});

describe('partialMatchLabel', () => {
  test('some of the words', () => assert.equal(partialMatchLabel(3, 4), 'Matches 3 of 4 words'));
  test('every word: no label', () => assert.equal(partialMatchLabel(2, 2), undefined));
});

describe('alertNamedIn', () => {
  const alerts = ['DatabaseDown', 'DatabaseConnectionPoolExhausted'];
  test('a word of the query, any case', () => assert.equal(alertNamedIn('databaseconnectionpoolexhausted firing', alerts), 'DatabaseConnectionPoolExhausted'));
  test('only whole words', () => assert.equal(alertNamedIn('database down', alerts), undefined));
  test('no alerts', () => assert.equal(alertNamedIn('RedisDown', []), undefined));
});

describe('withAlert', () => {
  test('adds the query', () => assert.equal(withAlert('/runbooks/db/latency/', 'DB_CPU_HIGH'), '/runbooks/db/latency/?alert=DB_CPU_HIGH'));
  test('encodes the name', () => assert.equal(withAlert('/runbooks/x/', 'job:errors&rate'), '/runbooks/x/?alert=job%3Aerrors%26rate'));
  test('after an existing query, before the hash', () =>
    assert.equal(withAlert('file:///r/runbooks/x/index.html?env=staging#steps', 'A'), 'file:///r/runbooks/x/index.html?env=staging&alert=A#steps'));
});
