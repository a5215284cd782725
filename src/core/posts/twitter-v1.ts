import { idOf, isObject, list, parseTime, str, type JsonObject, PostCollector } from './collect';
import { normalizeHashtags, type Post, type PostKind } from './post';

/**
 * Twitter API v1.1 tweet objects (a JSON array, JSON lines from the streaming API or twarc 1, or a
 * search response `{statuses}`). Retweets and quotes embed the whole original tweet, which becomes
 * a referenced post so the original author's adoption has a real time.
 */

export function isTwitterV1Tweet(value: unknown): boolean {
  return (
    isObject(value) &&
    isObject(value.user) &&
    (typeof value.id_str === 'string' || typeof value.id === 'number') &&
    (typeof value.text === 'string' || typeof value.full_text === 'string')
  );
}

export function readTwitterV1(values: unknown[], collector: PostCollector): void {
  for (const value of values) {
    if (isTwitterV1Tweet(value)) addTweet(value as JsonObject, collector, false);
    else if (isObject(value) && ('delete' in value || 'limit' in value)) {
      // Streaming captures interleave deletion and rate-limit notices with tweets.
      collector.tally('v1-notice', (n) => `${n} stream notice(s) (delete, limit) were skipped`);
    } else {
      collector.tally('v1-other', (n) => `${n} item(s) were not tweets: skipped`);
    }
  }
}

/** Extended (over 140 characters) tweets keep their full text and entities apart. */
function fullEntities(tweet: JsonObject): JsonObject {
  if (isObject(tweet.extended_tweet) && isObject(tweet.extended_tweet.entities)) {
    return tweet.extended_tweet.entities;
  }
  return isObject(tweet.entities) ? tweet.entities : {};
}

function fullText(tweet: JsonObject): string | undefined {
  if (isObject(tweet.extended_tweet)) {
    const text = str(tweet.extended_tweet.full_text);
    if (text) return text;
  }
  return str(tweet.full_text) ?? str(tweet.text);
}

function hashtagsOf(tweet: JsonObject): string[] {
  return list(fullEntities(tweet).hashtags)
    .map((h) => (isObject(h) ? str(h.text) : undefined))
    .filter((t): t is string => t !== undefined);
}

function screenName(tweet: unknown): string | undefined {
  return isObject(tweet) && isObject(tweet.user) ? str(tweet.user.screen_name) : undefined;
}

function addTweet(tweet: JsonObject, collector: PostCollector, referenced: boolean): void {
  const id = str(tweet.id_str) ?? idOf(tweet.id);
  const user = tweet.user as JsonObject;
  const author = str(user.screen_name);
  if (!id || !author) {
    collector.tally('v1-no-id', (n) => `${n} tweet(s) without an id or screen name: skipped`);
    return;
  }
  collector.account({
    handle: author,
    name: str(user.name),
    location: str(user.location),
    platformId: str(user.id_str) ?? idOf(user.id),
  });

  let kind: PostKind = 'post';
  let refAuthor: string | undefined;
  const tags = hashtagsOf(tweet);
  const retweeted = tweet.retweeted_status;
  const quoted = tweet.quoted_status;
  if (isObject(retweeted) && screenName(retweeted)) {
    kind = 'repost';
    refAuthor = screenName(retweeted);
    // The retweet's own entities come from "RT @a: …" cut at 140 characters: the original's are whole.
    tags.push(...hashtagsOf(retweeted));
    addTweet(retweeted, collector, true);
  } else if (isObject(quoted) && screenName(quoted)) {
    kind = 'quote';
    refAuthor = screenName(quoted);
    addTweet(quoted, collector, true);
  }
  const replyTo = str(tweet.in_reply_to_screen_name);
  if (replyTo && kind === 'post') {
    kind = 'reply';
    refAuthor = replyTo;
  }

  const mentions =
    kind === 'repost'
      ? []
      : list(fullEntities(tweet).user_mentions)
          .map((m) => (isObject(m) ? str(m.screen_name) : undefined))
          .filter((m): m is string => m !== undefined)
          .map((m) => collector.handle(m));
  const place = isObject(tweet.place) ? tweet.place : undefined;
  const post: Post = {
    id,
    author,
    authorName: str(user.name),
    time: parseTime(tweet.created_at),
    kind,
    refAuthor: refAuthor && collector.handle(refAuthor),
    replyTo: replyTo && collector.handle(replyTo),
    mentions,
    hashtags: normalizeHashtags(tags),
    text: fullText(tweet),
    location: str(place?.full_name) ?? str(place?.name),
  };
  if (referenced) collector.addReferenced(post);
  else collector.add(post);
}
