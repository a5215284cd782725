import { parseTime } from './collect';
import type { PostKind, PostsDataset } from './post';
import {
  finishTweetRows,
  forEachRow,
  hashtagsInText,
  listCell,
  mentionsInText,
  twitterCollector,
  type TweetRow,
} from './tweet-table';

/**
 * The CSV of twarc 1's `json2csv` (API v1.1 tweets), in its three generations of columns:
 * - current: `id, tweet_url, created_at, parsed_created_at, user_screen_name, text, tweet_type,
 *   …, hashtags, …, in_reply_to_screen_name, …, place, …, retweet_or_quote_id,
 *   retweet_or_quote_screen_name, retweet_or_quote_user_id, …, user_location, user_name, …`;
 * - older: `retweet_id`, `retweet_screen_name` (and, in the first, the misspelt `reweet_id`), no
 *   `tweet_type`.
 * `tweet_type` is `reply` before `retweet` before `quote` before `original`, so a reply that quotes
 * says `reply`: with a quoted author it is read as a quote that replies. Without `tweet_type`, a
 * row naming another author is a retweet when its text starts "RT @", else a quote. `hashtags` is
 * the tweet's own, space-separated; there is no mentions column, so mentions come from the text.
 */

export function isTwarcJson2Csv(names: string[]): boolean {
  return (
    names.includes('id') &&
    names.includes('user_screen_name') &&
    names.includes('text') &&
    names.includes('created_at') &&
    (names.includes('tweet_url') || names.includes('in_reply_to_screen_name'))
  );
}

const RETWEET_TEXT = /^RT @[A-Za-z0-9_]{1,50}:/;

export function readTwarcJson2Csv(text: string, file: string): PostsDataset {
  const collector = twitterCollector();
  const rows: TweetRow[] = [];
  forEachRow(text, file, (cell, line) => {
    const words = cell('text');
    const type = cell('tweet_type').toLowerCase();
    const other = (cell('retweet_or_quote_screen_name') || cell('retweet_screen_name')).replace(
      /^@/,
      '',
    );
    const otherId =
      cell('retweet_or_quote_id') ||
      cell('reweet_or_quote_id') ||
      cell('retweet_id') ||
      cell('reweet_id');
    const replyTo = cell('in_reply_to_screen_name').replace(/^@/, '') || undefined;

    let kind: PostKind = 'post';
    let refAuthor: string | undefined;
    if (other !== '') {
      const retweet = type === 'retweet' || (type === '' && RETWEET_TEXT.test(words));
      kind = retweet ? 'repost' : 'quote';
      refAuthor = other;
    }
    if (replyTo && kind === 'post') {
      kind = 'reply';
      refAuthor = replyTo;
    }
    const hashtags = cell('hashtags');
    rows.push({
      id: cell('id') || `line ${line}`,
      author: cell('user_screen_name').replace(/^@/, ''),
      authorName: cell('user_name') || undefined,
      authorId: cell('user_id') || undefined,
      authorLocation: cell('user_location') || undefined,
      time: readTime(cell('created_at'), cell('parsed_created_at')),
      kind,
      refAuthor,
      refId: otherId || undefined,
      replyTo,
      mentions: mentionsInText(words),
      hashtags: hashtags !== '' ? listCell(hashtags, '#') : hashtagsInText(words),
      text: words || undefined,
      location: cell('place') || undefined,
    });
  });
  return finishTweetRows(rows, collector, file);
}

/** `created_at` as v1.1 writes it; else `parsed_created_at` ("2018-10-10 20:19:24+00:00"). */
function readTime(createdAt: string, parsed: string): number {
  const time = parseTime(createdAt);
  if (Number.isFinite(time)) return time;
  return parseTime(parsed.replace(' ', 'T'));
}
