import { isObject, list, parseTime, str, type JsonObject, PostCollector } from './collect';
import { normalizeHashtags, type Post, type PostKind } from './post';

/**
 * Twitter API v2 as twarc2 writes it. Two shapes share this reader:
 * - a response page per line, `{data, includes: {users, tweets, places}, meta, __twarc}`, where a
 *   tweet names its author and referenced tweets by id and the page's `includes` holds them;
 * - twarc's flattened form (`twarc2 flatten`), one tweet per line with `author`,
 *   `in_reply_to_user` and each `referenced_tweets` entry inlined as full objects.
 * Both are reduced to id lookups, then one function turns a tweet into a Post.
 */

interface Lookups {
  users: Map<string, JsonObject>;
  tweets: Map<string, JsonObject>;
  places: Map<string, JsonObject>;
}

export function isTwitterV2Page(value: unknown): boolean {
  return isObject(value) && 'data' in value && ('includes' in value || '__twarc' in value);
}

export function isTwitterV2Tweet(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.author_id === 'string' &&
    typeof value.text === 'string'
  );
}

export function readTwitterV2(values: unknown[], collector: PostCollector): void {
  const lookups: Lookups = { users: new Map(), tweets: new Map(), places: new Map() };
  for (const value of values) {
    if (!isObject(value)) continue;
    if (isTwitterV2Page(value)) readPage(value, lookups, collector);
    else if (isTwitterV2Tweet(value)) {
      registerInline(value, lookups, collector);
      addTweet(value, lookups, collector, false);
      for (const ref of list(value.referenced_tweets)) {
        if (isObject(ref) && typeof ref.author_id === 'string') {
          addTweet(ref, lookups, collector, true);
        }
      }
    } else {
      collector.tally('v2-other', (n) => `${n} line(s) were neither tweets nor pages: skipped`);
    }
  }
}

function readPage(page: JsonObject, lookups: Lookups, collector: PostCollector): void {
  const includes = isObject(page.includes) ? page.includes : {};
  for (const user of list(includes.users)) registerUser(user, lookups, collector);
  for (const place of list(includes.places)) {
    if (isObject(place) && typeof place.id === 'string') lookups.places.set(place.id, place);
  }
  const included = list(includes.tweets).filter(isObject);
  for (const tweet of included) {
    if (typeof tweet.id === 'string') lookups.tweets.set(tweet.id, tweet);
  }
  // `data` is a list for searches and timelines, a single tweet for a tweet lookup.
  const data = Array.isArray(page.data) ? page.data : [page.data];
  for (const tweet of data) if (isObject(tweet)) addTweet(tweet, lookups, collector, false);
  for (const tweet of included) addTweet(tweet, lookups, collector, true);
}

function registerUser(user: unknown, lookups: Lookups, collector: PostCollector): void {
  if (!isObject(user) || typeof user.id !== 'string' || !str(user.username)) return;
  lookups.users.set(user.id, user);
  collector.account({
    handle: user.username as string,
    name: str(user.name),
    location: str(user.location),
    platformId: user.id,
  });
}

/** The flattened form carries its expansions inline: index them as a page's `includes` would. */
function registerInline(tweet: JsonObject, lookups: Lookups, collector: PostCollector): void {
  registerUser(tweet.author, lookups, collector);
  registerUser(tweet.in_reply_to_user, lookups, collector);
  const entities = isObject(tweet.entities) ? tweet.entities : {};
  for (const mention of list(entities.mentions)) registerUser(mention, lookups, collector);
  if (isObject(tweet.geo) && typeof tweet.geo.place_id === 'string') {
    lookups.places.set(tweet.geo.place_id, tweet.geo);
  }
  for (const ref of list(tweet.referenced_tweets)) {
    // A referenced entry is `{type, id}` merged with the tweet itself, when twarc had it.
    if (!isObject(ref) || typeof ref.id !== 'string' || typeof ref.author_id !== 'string') continue;
    registerInline(ref, lookups, collector);
    if (!lookups.tweets.has(ref.id)) lookups.tweets.set(ref.id, ref);
  }
}

function authorHandle(tweet: JsonObject, lookups: Lookups): string | undefined {
  const id = str(tweet.author_id);
  const user = id ? lookups.users.get(id) : undefined;
  return str(user?.username) ?? (isObject(tweet.author) ? str(tweet.author.username) : id);
}

function hashtagsOf(tweet: JsonObject): string[] {
  // Long tweets ("note tweets") keep their full entities apart from the truncated `text`.
  const note = isObject(tweet.note_tweet) && isObject(tweet.note_tweet.entities);
  const entities = note
    ? ((tweet.note_tweet as JsonObject).entities as JsonObject)
    : isObject(tweet.entities)
      ? tweet.entities
      : {};
  return list(entities.hashtags)
    .map((h) => (isObject(h) ? str(h.tag) : undefined))
    .filter((t): t is string => t !== undefined);
}

function addTweet(
  tweet: JsonObject,
  lookups: Lookups,
  collector: PostCollector,
  referenced: boolean,
): void {
  const id = str(tweet.id);
  const author = authorHandle(tweet, lookups);
  if (!id || !author) {
    collector.tally('v2-no-id', (n) => `${n} tweet(s) without an id or author: skipped`);
    return;
  }
  let kind: PostKind = 'post';
  let refAuthor: string | undefined;
  let replyTo: string | undefined;
  const tags = hashtagsOf(tweet);
  for (const ref of list(tweet.referenced_tweets)) {
    if (!isObject(ref)) continue;
    const target = lookups.tweets.get(str(ref.id) ?? '') ?? ref;
    const targetAuthor = authorHandle(target, lookups);
    if (ref.type === 'retweeted') {
      kind = 'repost';
      refAuthor = targetAuthor;
      tags.push(...hashtagsOf(target));
    } else if (ref.type === 'quoted') {
      if (kind !== 'repost') kind = 'quote';
      if (kind === 'quote') refAuthor = targetAuthor;
    } else if (ref.type === 'replied_to') {
      const replyId = str(tweet.in_reply_to_user_id);
      replyTo = targetAuthor ?? (replyId ? str(lookups.users.get(replyId)?.username) : undefined);
    }
  }
  if (replyTo !== undefined && kind === 'post') {
    kind = 'reply';
    refAuthor = replyTo;
  }
  const entities = isObject(tweet.entities) ? tweet.entities : {};
  const mentions =
    kind === 'repost'
      ? []
      : list(entities.mentions)
          .map((m) => (isObject(m) ? str(m.username) : undefined))
          .filter((m): m is string => m !== undefined)
          .map((m) => collector.handle(m));
  const user = lookups.users.get(str(tweet.author_id) ?? '');
  const placeId = isObject(tweet.geo) ? str(tweet.geo.place_id) : undefined;
  const place = placeId ? lookups.places.get(placeId) : undefined;
  const note = isObject(tweet.note_tweet) ? str(tweet.note_tweet.text) : undefined;

  const post: Post = {
    id,
    author,
    authorName: str(user?.name),
    time: parseTime(tweet.created_at),
    kind,
    refAuthor: refAuthor && collector.handle(refAuthor),
    replyTo: replyTo && collector.handle(replyTo),
    mentions,
    hashtags: normalizeHashtags(tags),
    text: note ?? str(tweet.text),
    location: str(place?.full_name) ?? str(place?.name),
  };
  if (referenced) collector.addReferenced(post);
  else collector.add(post);
}
