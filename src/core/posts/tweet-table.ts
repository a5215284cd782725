import { CsvReader, CsvSyntaxError, detectDelimiter } from '../io/csv-reader';
import { DatasetError } from '../io/errors';
import { PostCollector } from './collect';
import { normalizeHashtags, type PostKind, type PostsDataset } from './post';

/**
 * What the tweet tables (TAGS, twarc's json2csv, twarc-csv) have in common: a header row naming
 * the columns, one tweet a row, and interactions spelled as columns or left in the text. Each
 * format module turns its rows into `TweetRow`s; `finishTweetRows` makes them posts.
 */

/** The header row's names, lower-cased and trimmed; undefined for text that is no table. */
export function headerNames(text: string): string[] | undefined {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  if (/^\s*[[{<]/.test(head)) return undefined;
  const first = head.split(/\r?\n/, 1)[0];
  const delimiter = first.includes('\t')
    ? '\t'
    : first.includes(';') && !first.includes(',')
      ? ';'
      : ',';
  try {
    const row = new CsvReader(first, delimiter).next();
    return row?.map((name) => name.trim().toLowerCase());
  } catch (error) {
    if (error instanceof CsvSyntaxError) return undefined;
    throw error;
  }
}

/** Reads a cell by column name, trimmed; '' for a missing column or an empty cell. */
export type Cell = (name: string) => string;

/** Calls `each` for every data row; CSV syntax errors become DatasetErrors naming the line. */
export function forEachRow(
  text: string,
  file: string,
  each: (cell: Cell, line: number, names: string[]) => void,
): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const reader = new CsvReader(body, detectDelimiter(body));
  try {
    const names = (reader.next() ?? []).map((name) => name.trim().toLowerCase());
    const index = new Map<string, number>();
    names.forEach((name, i) => {
      if (!index.has(name)) index.set(name, i);
    });
    for (let row = reader.next(); row; row = reader.next()) {
      const values = row;
      const cell: Cell = (name) => {
        const at = index.get(name);
        return at === undefined ? '' : (values[at] ?? '').trim();
      };
      each(cell, reader.line, names);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new DatasetError(file, error.message, `line ${error.line}`);
    }
    throw error;
  }
}

/**
 * `#tag` in text, Unicode-aware (#مصر, #한국, #café). A tag cut off by a truncated retweet
 * ("#BlackLivesMat…") is dropped: it is not the tag the author wrote.
 */
const HASHTAG =
  /(?:^|[^\p{L}\p{M}\p{N}_&/])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*)(…)?/gu;
/** `@handle` as Twitter allows it: letters, digits, underscore; not an e-mail address. */
const MENTION = /(?:^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_]{1,50})(?![A-Za-z0-9_@])/gu;

export function hashtagsInText(text: string): string[] {
  return [...text.matchAll(HASHTAG)].filter((m) => m[2] === undefined).map((m) => m[1]);
}

export function mentionsInText(text: string): string[] {
  return [...text.matchAll(MENTION)].map((m) => m[1]);
}

/**
 * A list written into one cell: JSON (`["#a", "#b"]`, twarc-csv's default), a Python list
 * (`['#a', '#b']`) or words separated by spaces or commas (json2csv). The sigil is stripped.
 */
export function listCell(value: string, sigil: '#' | '@'): string[] {
  if (value === '') return [];
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) {
        return parsed
          .filter((item): item is string => typeof item === 'string')
          .map((item) => item.trim().replace(sigil === '#' ? /^[#＃]+/ : /^@+/, ''))
          .filter((item) => item !== '');
      }
    } catch {
      // not JSON: read it as words below
    }
  }
  return value
    .split(/[\s,[\]'"]+/)
    .map((item) => item.replace(sigil === '#' ? /^[#＃]+/ : /^@+/, ''))
    .filter((item) => item !== '');
}

/** A tweet as a table row gives it, before it becomes a Post. */
export interface TweetRow {
  id: string;
  author: string;
  authorName?: string;
  authorId?: string;
  /** Free text from the profile. */
  authorLocation?: string;
  time: number;
  kind: PostKind;
  refAuthor?: string;
  /** Id of the reposted or quoted tweet, when the table gives it. */
  refId?: string;
  replyTo?: string;
  mentions: string[];
  hashtags: string[];
  text?: string;
  /** The tweet's own place (a geotag). */
  location?: string;
}

/**
 * Adds the rows as posts. A retweet's own text is "RT @a: …" cut at 140 characters, so its own
 * hashtags may be missing; when the table also holds the original (by `refId`), the repost carries
 * the original's hashtags too, as the JSON adapters do.
 */
export function finishTweetRows(
  rows: TweetRow[],
  collector: PostCollector,
  file: string,
): PostsDataset {
  const byId = new Map<string, TweetRow>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  for (const row of rows) {
    if (row.author !== '') {
      collector.account({
        handle: row.author,
        name: row.authorName,
        location: row.authorLocation,
        platformId: row.authorId,
      });
    }
    const original = row.kind === 'repost' && row.refId ? byId.get(row.refId) : undefined;
    collector.add({
      id: row.id,
      author: row.author,
      authorName: row.authorName,
      time: row.time,
      kind: row.kind,
      refAuthor: row.refAuthor && collector.handle(row.refAuthor),
      replyTo: row.replyTo && collector.handle(row.replyTo),
      mentions: row.kind === 'repost' ? [] : row.mentions.map((m) => collector.handle(m)),
      hashtags: normalizeHashtags(
        original ? [...row.hashtags, ...original.hashtags] : row.hashtags,
      ),
      text: row.text,
      location: row.location,
    });
  }
  const dataset = collector.finish(file);
  if (dataset.posts.length === 0) {
    throw new DatasetError(file, 'the table has no rows with a readable time and author');
  }
  return dataset;
}

/** A fresh collector for a Twitter table. */
export function twitterCollector(): PostCollector {
  return new PostCollector('twitter');
}
