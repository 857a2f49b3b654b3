/**
 * Search for a symptom typed in the reader's own words. Pagefind answers a query with the pages that hold every one
 * of its words, so one word a page does not use ("pod *keeps* restarting") empties the list. When the whole query
 * finds few pages, the search panel (scripts/search-panel.ts) also searches each word on its own, through pagefind,
 * which stems English, and ranks the pages by how many of the words they hold, then by how well. The ranking is here;
 * the fetching is in the panel.
 */

/**
 * Fewer results than this for the whole query, and the panel adds the pages that match some of its words. Three: a
 * symptom should show the reader a few candidates to choose from; and the fallback costs one pagefind search per
 * word, which a query that already finds three pages or more does not need.
 */
export const FEW_RESULTS = 3;

/**
 * Words too common to tell runbooks apart: searched alone they match nearly every page. Contractions are written as
 * pagefind reads them, without the apostrophe ("can't" is "cant").
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about after again all also am an and any are as at be been before being but by can cant could did didnt do does doesnt dont ' +
    'for from get gets getting got had has have having he her here him his how i if im in into is isnt it its ive just me more most my ' +
    'no nor not now of off on once only or other our out over same she should so some still such than that thats the their them then there ' +
    'these they this those through to too under until up very was wasnt we were what when where which while who why will with wont would ' +
    'you your'
  ).split(' '),
);

/**
 * At most this many words are searched one by one: each costs a pagefind search, and a symptom is a few words. A
 * pasted log line or paragraph gets its first eight.
 */
export const MAX_WORDS_ALONE = 8;

/**
 * The words to search one by one (at most MAX_WORDS_ALONE), or none when that would only repeat the whole query (a
 * single word).
 */
export function wordsToSearchAlone(query: string): string[] {
  const words = queryWords(query);
  return words.length === 1 && pagefindTerms(query).length === 1 ? [] : words.slice(0, MAX_WORDS_ALONE);
}

/**
 * A query's words as pagefind reads them (lower case, without punctuation: `can't` is `cant`, `SEV-2` is `sev2`;
 * the `_` of alert names stays), without stop words, each once, in the reader's order.
 */
export function queryWords(query: string): string[] {
  const words = pagefindTerms(query).filter((word) => !STOP_WORDS.has(word));
  return [...new Set(words)];
}

/** Pagefind drops these from a query (dashes, brackets, quotes and other punctuation), not `_` (a connector). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

function pagefindTerms(text: string): string[] {
  return text.toLowerCase().replace(PUNCTUATION, '').split(/\s+/).filter(Boolean);
}

/**
 * Whether `pageWord`, the page's word where pagefind says a query word matched, is that word or a form of it.
 * When no indexed word starts with the query word, pagefind falls back to the longest prefix of it that some page
 * holds: "accidentally" matches every "AccuBooks" through "acc", "forever" every "for". Such a word must not count
 * as matched. A form of the word shares most of it: all of a short word (four letters or fewer), else all but its
 * last three letters and at least four ("restarting" → "restart", "slowly" → "slow", "flooded" → "flood"). The
 * shared part may start inside the page's word: pagefind also indexes the parts of a compound word ("crashes" matches
 * "CrashLoopBackOff").
 */
export function isFormOf(queryWord: string, pageWord: string): boolean {
  const word = pagefindTerms(queryWord).join('');
  const page = pagefindTerms(pageWord).join('');
  if (word === '' || page === '') return false;
  const needed = word.length <= 4 ? word.length : Math.max(4, word.length - 3);
  for (let start = 0; start + needed <= page.length; start++) {
    let shared = 0;
    while (shared < word.length && page[start + shared] === word[shared]) shared++;
    if (shared >= needed) return true;
  }
  return false;
}

/**
 * The word at a pagefind match location: pagefind's locations count the words of a result's `content` split on
 * white space (its documented contract). Undefined past the end.
 */
export function wordAt(content: string, location: number): string | undefined {
  return content.split(/\s+/).filter(Boolean)[location];
}

/** A page pagefind found for one word: its id and pagefind's score for that word. */
export interface WordHit {
  id: string;
  score: number;
}

/** A page that holds some of the query's words. */
export interface PartialMatch {
  id: string;
  /** The words it holds, in the query's order. */
  words: string[];
  /** The sum of pagefind's scores for those words. */
  score: number;
}

/**
 * Ranks the pages found word by word: more words first, then the higher summed score (pagefind's scores weigh a rare
 * word more than a common one, and a word in a title or an alert name more than in the text). Ties keep the id
 * order, so the same query always lists the same pages in the same order.
 */
export function rankPartialMatches(hitsByWord: ReadonlyMap<string, readonly WordHit[]>): PartialMatch[] {
  const pages = new Map<string, PartialMatch>();
  for (const [word, hits] of hitsByWord) {
    for (const hit of hits) {
      const page = pages.get(hit.id) ?? { id: hit.id, words: [], score: 0 };
      if (page.words.includes(word)) continue;
      page.words.push(word);
      page.score += hit.score;
      pages.set(hit.id, page);
    }
  }
  return [...pages.values()].sort((a, b) => b.words.length - a.words.length || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The label of a page that holds only some of the query's words; none when it holds them all. */
export function partialMatchLabel(matched: number, of: number): string | undefined {
  return matched < of ? `Matches ${matched} of ${of} words` : undefined;
}

/** The first of a page's alerts that the query names as one of its words, ignoring case: `redisdown restart` → `RedisDown`. */
export function alertNamedIn(query: string, alerts: readonly string[]): string | undefined {
  const words = new Set(query.toLowerCase().split(/\s+/));
  return alerts.find((alert) => words.has(alert.toLowerCase()));
}
