import { DatasetError } from '../io/errors';
import { describeShape } from '../io/json';
import { readBluesky, isBlueskyFeedItem, isBlueskyPostView, isBlueskyResponse } from './bluesky';
import { isCascadeLabels, isCascadeTree, readCascade } from './cascade';
import { isObject, PostCollector } from './collect';
import { readJsonRecords } from './json-records';
import { isMinimalPostsCsv, readMinimalCsv } from './minimal-csv';
import { isMastodonAccount, isMastodonContext, isMastodonStatus, readMastodon } from './mastodon';
import type { Platform, PostsDataset } from './post';
import { readTweetCsv } from './tweet-csv';
import { isTwitterV1Tweet, readTwitterV1 } from './twitter-v1';
import { isTwitterV2Page, isTwitterV2Tweet, readTwitterV2 } from './twitter-v2';

export const UNDERSTOOD_POST_FORMATS =
  'Twitter API v2 pages as twarc2 writes them, or flattened tweets; Twitter API v1.1 tweets ' +
  '(array or JSON lines); Mastodon statuses (a timeline array or a context response); Bluesky ' +
  'searchPosts, getTimeline or getAuthorFeed responses; Twitter15/16 cascade trees; tweet tables ' +
  'from TAGS, twarc json2csv or twarc-csv; a CSV with columns time,user[,via,kind,text,location]';

type Reader = 'twitter-v2' | 'twitter-v1' | 'mastodon' | 'bluesky';

const PLATFORM: Record<Reader, Platform> = {
  'twitter-v2': 'twitter',
  'twitter-v1': 'twitter',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
};

/** Lists of people, returned by "who reposted / liked / follows" endpoints. */
const ACCOUNT_LIST_KEYS = ['repostedBy', 'likes', 'followers', 'follows', 'accounts'];

function accountListError(file: string, what: string): DatasetError {
  return new DatasetError(
    file,
    `this is a list of accounts (${what}), not posts: it has no posts and no times, so it ` +
      'cannot show how a hashtag spread. Open the posts themselves instead, e.g. a tag timeline ' +
      'or search results.',
  );
}

/** Which reader understands one top-level value; throws for account lists. */
function classify(value: unknown, file: string): Reader | undefined {
  if (isTwitterV2Page(value) || isTwitterV2Tweet(value)) return 'twitter-v2';
  if (isTwitterV1Tweet(value)) return 'twitter-v1';
  if (isMastodonStatus(value) || isMastodonContext(value)) return 'mastodon';
  if (isBlueskyResponse(value) || isBlueskyFeedItem(value) || isBlueskyPostView(value)) {
    return 'bluesky';
  }
  if (isMastodonAccount(value)) {
    throw accountListError(file, 'Mastodon accounts, as reblogged_by or favourited_by return');
  }
  if (isObject(value)) {
    const key = ACCOUNT_LIST_KEYS.find((k) => Array.isArray(value[k]));
    if (key) throw accountListError(file, `Bluesky "${key}", as getRepostedBy or getLikes return`);
  }
  return undefined;
}

/**
 * Reads a file of posts, whatever platform wrote it; the platform is told by the content, the name
 * is only used in messages. Throws a DatasetError naming the file when the content is not a post
 * dataset (an account list gets its own explanation).
 */
export function parsePosts(text: string, name: string): PostsDataset {
  if (isCascadeTree(text)) return readCascade(text, name);
  if (isCascadeLabels(text)) {
    throw new DatasetError(
      name,
      'this is a Twitter15/16 label file (label:tweet_id), not a tree: open one of the tree files',
    );
  }
  const tweetTable = readTweetCsv(text, name);
  if (tweetTable) return tweetTable;
  if (!/^\s*[[{]/.test(text.slice(0, 200).replace(/^\uFEFF/, '')) && isMinimalPostsCsv(text)) {
    const dataset = readMinimalCsv(text, name);
    if (dataset.posts.length === 0)
      throw new DatasetError(name, 'the table has no rows with a readable time and user');
    return dataset;
  }
  const records = readJsonRecords(text, name);
  // A plain JSON array of posts is the same as JSON lines of them.
  let values = records.values;
  if (values.length === 1 && Array.isArray(values[0])) values = values[0];
  if (values.length === 1 && isObject(values[0]) && Array.isArray(values[0].statuses)) {
    values = values[0].statuses; // a v1.1 search response
  }

  let reader: Reader | undefined;
  for (const value of values.slice(0, 20)) {
    reader = classify(value, name);
    if (reader) break;
  }
  if (!reader) {
    const found = values.length === 0 ? 'an empty list' : describeShape(values[0]);
    throw new DatasetError(
      name,
      `not a post dataset: found ${found}. Understood: ${UNDERSTOOD_POST_FORMATS}`,
    );
  }

  const collector = new PostCollector(PLATFORM[reader]);
  for (const warning of records.warnings) collector.warn(warning);
  switch (reader) {
    case 'twitter-v2':
      readTwitterV2(values, collector);
      break;
    case 'twitter-v1':
      readTwitterV1(values, collector);
      break;
    case 'mastodon':
      readMastodon(values, collector);
      break;
    case 'bluesky':
      readBluesky(values, collector);
      break;
    default: {
      const never: never = reader;
      throw new Error(`unhandled reader ${String(never)}`);
    }
  }
  const dataset = collector.finish(name);
  if (dataset.posts.length === 0) {
    throw new DatasetError(name, 'no posts with a readable time and author were found');
  }
  return dataset;
}
