import { isObject, list, parseTime, str } from './collect';
import type { PostKind, PostsDataset } from './post';
import {
  finishTweetRows,
  forEachRow,
  hashtagsInText,
  mentionsInText,
  twitterCollector,
  type TweetRow,
} from './tweet-table';

/**
 * TAGS, Martin Hawksey's Twitter Archiving Google Sheet, saved as CSV. Its Archive sheet has one
 * tweet a row under v1.1 search fields renamed: `id_str`, `from_user`, `text`, `created_at`
 * ("Wed Oct 10 20:19:24 +0000 2018"), `time` (the sheet's own date), `in_reply_to_screen_name`,
 * `from_user_id_str`, `user_location`, `status_url`, `entities_str` (the tweet's entities as a JSON
 * string) and more; newer sheets may add `full_text`, `user_name`, `is_quote_status`, `place`.
 * There is no retweet or quote column, so:
 * - a retweet is a row whose text starts "RT @handle:" (the platform's own retweet text);
 * - a quote is a row whose entities link to a tweet's permalink (twitter.com/handle/status/id),
 *   unless an `is_quote_status` column says it is not one;
 * - hashtags and mentions come from `entities_str` and from the text (Unicode-aware; a tag cut
 *   off by "…" in a truncated retweet is not counted).
 */

export function isTagsCsv(names: string[]): boolean {
  return (
    names.includes('from_user') &&
    (names.includes('text') || names.includes('full_text')) &&
    (names.includes('id_str') || names.includes('status_url')) &&
    !names.includes('user')
  );
}

const RETWEET = /^RT @([A-Za-z0-9_]{1,50}):/;
const PERMALINK =
  /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d+)/i;
const STATUS_URL_ID = /\/status(?:es)?\/(\d+)/;

interface Entities {
  hashtags: string[];
  mentions: string[];
  /** Authors of the tweets linked to by permalink. */
  linkedAuthors: string[];
}

function entitiesOf(raw: string): Entities | undefined {
  if (!raw.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const strings = (items: unknown, key: string) =>
    list(items)
      .map((item) => (isObject(item) ? str(item[key]) : undefined))
      .filter((value): value is string => value !== undefined);
  const linkedAuthors = strings(parsed.urls, 'expanded_url')
    .map((url) => PERMALINK.exec(url)?.[1])
    .filter((author): author is string => author !== undefined);
  return {
    hashtags: strings(parsed.hashtags, 'text'),
    mentions: strings(parsed.user_mentions, 'screen_name'),
    linkedAuthors,
  };
}

/** A tweet id: `id_str`, unless a spreadsheet turned it into "1.23E+18"; then the status URL's. */
function tweetId(idStr: string, statusUrl: string): string | undefined {
  if (/^\d+$/.test(idStr)) return idStr;
  return STATUS_URL_ID.exec(statusUrl)?.[1] ?? (idStr || undefined);
}

export function readTagsCsv(text: string, file: string): PostsDataset {
  const collector = twitterCollector();
  const rows: TweetRow[] = [];
  let unparsedEntities = 0;
  forEachRow(text, file, (cell, line) => {
    const author = cell('from_user').replace(/^@/, '');
    const words = cell('full_text') || cell('text');
    const rawEntities = cell('entities_str');
    const entities = entitiesOf(rawEntities);
    if (rawEntities !== '' && !entities) unparsedEntities++;

    let kind: PostKind = 'post';
    let refAuthor: string | undefined;
    const retweeted = RETWEET.exec(words)?.[1];
    const quoteFlag = cell('is_quote_status').toLowerCase();
    const linked = entities?.linkedAuthors[0];
    if (retweeted) {
      kind = 'repost';
      refAuthor = retweeted;
    } else if (linked && quoteFlag !== 'false') {
      kind = 'quote';
      refAuthor = linked;
    }
    const replyTo = cell('in_reply_to_screen_name').replace(/^@/, '') || undefined;
    if (replyTo && kind === 'post') {
      kind = 'reply';
      refAuthor = replyTo;
    }
    const place = cell('place');
    rows.push({
      id: tweetId(cell('id_str'), cell('status_url')) ?? `line ${line}`,
      author,
      authorName: cell('user_name') || undefined,
      authorId: cell('from_user_id_str') || undefined,
      authorLocation: cell('user_location') || undefined,
      time: parseTime(cell('created_at')),
      kind,
      refAuthor,
      replyTo,
      mentions: [...(entities?.mentions ?? []), ...mentionsInText(words)],
      hashtags: [...(entities?.hashtags ?? []), ...hashtagsInText(words)],
      text: words || undefined,
      location: place !== '' && !place.startsWith('{') ? place : undefined,
    });
  });
  linkRetweetsToOriginals(rows);
  if (unparsedEntities > 0) {
    collector.warn(
      `${unparsedEntities} row(s) had an entities_str that is not JSON: read their hashtags ` +
        'and mentions from the text',
    );
  }
  return finishTweetRows(rows, collector, file);
}

/** Text compared for equality: whitespace runs as one space, a trailing "…" dropped. */
function comparable(text: string): string {
  return text.replace(/…$/, '').replace(/\s+/g, ' ').trim();
}

/**
 * TAGS keeps no id of a retweet's original; the retweet's text is "RT @a: " and the start of it.
 * When the sheet also holds that original (a row by @a whose text starts the same way), the repost
 * points at it, so it carries the original's hashtags, cut off in its own text.
 */
function linkRetweetsToOriginals(rows: TweetRow[]): void {
  const byAuthor = new Map<string, TweetRow[]>();
  for (const row of rows) {
    if (row.kind === 'repost' || !row.text) continue;
    const key = row.author.toLowerCase();
    const list = byAuthor.get(key);
    if (list) list.push(row);
    else byAuthor.set(key, [row]);
  }
  for (const row of rows) {
    if (row.kind !== 'repost' || !row.refAuthor || !row.text) continue;
    const body = comparable(row.text.replace(RETWEET, ''));
    if (body.length < 10) continue;
    const original = byAuthor
      .get(row.refAuthor.toLowerCase())
      ?.find((candidate) => comparable(candidate.text!).startsWith(body));
    if (original) row.refId = original.id;
  }
}
