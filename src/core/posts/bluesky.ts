import { isObject, list, parseTime, str, type JsonObject, PostCollector } from './collect';
import { normalizeHashtags, type Post, type PostKind } from './post';

/**
 * Bluesky (AT Protocol) responses: `app.bsky.feed.searchPosts` (`{posts}`), `getTimeline` and
 * `getAuthorFeed` (`{feed}`, items `{post, reply?, reason?}`), or arrays of either item. Records
 * point at other posts by `at://DID/…` URI, so every author view in the file is read first to turn
 * DIDs into handles.
 */

const POST_COLLECTION = '/app.bsky.feed.post/';

export function isBlueskyPostView(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.uri === 'string' &&
    value.uri.startsWith('at://') &&
    isObject(value.author) &&
    isObject(value.record)
  );
}

export function isBlueskyFeedItem(value: unknown): boolean {
  return isObject(value) && isBlueskyPostView(value.post);
}

export function isBlueskyResponse(value: unknown): boolean {
  return isObject(value) && (Array.isArray(value.posts) || Array.isArray(value.feed));
}

function didOfUri(uri: unknown): string | undefined {
  const match = typeof uri === 'string' ? /^at:\/\/(did:[^/]+)\//.exec(uri) : null;
  return match ? match[1] : undefined;
}

/** Handles are lower-case DNS names; "handle.invalid" means the handle failed verification. */
function handleOf(profile: JsonObject): string | undefined {
  const handle = str(profile.handle);
  return handle && handle !== 'handle.invalid' ? handle : str(profile.did);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Facet offsets count UTF-8 bytes, not UTF-16 code units: slice the encoded text. */
export function sliceUtf8(text: string, byteStart: number, byteEnd: number): string {
  return decoder.decode(encoder.encode(text).subarray(byteStart, byteEnd));
}

interface Context {
  collector: PostCollector;
  handles: Map<string, string>;
}

export function readBluesky(values: unknown[], collector: PostCollector): void {
  const items: JsonObject[] = [];
  const push = (value: unknown) => {
    if (isBlueskyFeedItem(value)) items.push(value as JsonObject);
    else if (isBlueskyPostView(value)) items.push({ post: value });
    else collector.tally('bsky-other', (n) => `${n} item(s) were not posts: skipped`);
  };
  for (const value of values) {
    if (isBlueskyResponse(value)) {
      const response = value as JsonObject;
      for (const item of [...list(response.posts), ...list(response.feed)]) push(item);
    } else push(value);
  }

  const context: Context = { collector, handles: new Map() };
  for (const item of items) learnProfiles(item, context);
  for (const item of items) readItem(item, context);
}

/** Registers every profile view anywhere in an item (authors, reposters, reply parents, quotes). */
function learnProfiles(value: unknown, context: Context, depth = 0): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) learnProfiles(item, context, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (typeof value.did === 'string' && typeof value.handle === 'string') {
    const handle = handleOf(value);
    if (handle && !context.handles.has(value.did)) {
      context.handles.set(value.did, handle);
      context.collector.account({
        handle,
        name: str(value.displayName),
        platformId: value.did,
      });
    }
    return;
  }
  for (const key of ['post', 'author', 'by', 'reply', 'parent', 'root', 'reason', 'embed']) {
    if (key in value) learnProfiles(value[key], context, depth + 1);
  }
  if ('record' in value) learnProfiles(value.record, context, depth + 1);
}

function readItem(item: JsonObject, context: Context): void {
  const view = item.post as JsonObject;
  const reason = isObject(item.reason) ? item.reason : undefined;
  const repostedBy =
    reason && String(reason.$type).endsWith('#reasonRepost') && isObject(reason.by)
      ? handleOf(reason.by)
      : undefined;
  // In a feed, a repost item shows the original post; the repost itself is the reason.
  const original = addView(view, context, repostedBy !== undefined);
  if (repostedBy && original && reason) {
    context.collector.add({
      id: str(reason.uri) ?? `${str(view.uri)}#repost-by-${repostedBy}`,
      author: repostedBy,
      authorName: isObject(reason.by) ? str(reason.by.displayName) : undefined,
      time: parseTime(reason.indexedAt),
      kind: 'repost',
      refAuthor: original.author,
      mentions: [],
      hashtags: original.hashtags,
      text: original.text,
    });
  }
  // The parent a reply answers is shown in full: the replied-to author adopted at that time.
  const reply = isObject(item.reply) ? item.reply : undefined;
  if (reply && isBlueskyPostView(reply.parent)) addView(reply.parent as JsonObject, context, true);
  if (reply && isBlueskyPostView(reply.root)) addView(reply.root as JsonObject, context, true);
}

/** A post view, or an embedded `viewRecord` (record under `value`). Returns the post made. */
function addView(view: JsonObject, context: Context, referenced: boolean): Post | undefined {
  const record = isObject(view.record) ? view.record : isObject(view.value) ? view.value : {};
  const author = isObject(view.author) ? handleOf(view.author) : undefined;
  const uri = str(view.uri);
  if (!uri || !author) {
    context.collector.tally('bsky-no-id', (n) => `${n} post(s) without a URI or author: skipped`);
    return undefined;
  }
  const resolve = (did: string | undefined) =>
    did ? (context.handles.get(did) ?? did) : undefined;

  let kind: PostKind = 'post';
  let refAuthor: string | undefined;
  const quotedUri = quotedUriOf(record.embed);
  if (quotedUri) {
    kind = 'quote';
    refAuthor = resolve(didOfUri(quotedUri));
    const quotedView = quotedViewOf(view.embed);
    if (quotedView) addView(quotedView, context, true);
  }
  const replyParent = isObject(record.reply) && isObject(record.reply.parent);
  const replyTo = replyParent
    ? resolve(didOfUri(((record.reply as JsonObject).parent as JsonObject).uri))
    : undefined;
  if (replyTo && kind === 'post') {
    kind = 'reply';
    refAuthor = replyTo;
  }

  const text = str(record.text) ?? '';
  const tags: string[] = list(record.tags).filter((t): t is string => typeof t === 'string');
  const mentions: string[] = [];
  for (const facet of list(record.facets)) {
    if (!isObject(facet)) continue;
    for (const feature of list(facet.features)) {
      if (!isObject(feature)) continue;
      const type = String(feature.$type);
      if (type.endsWith('#tag') && str(feature.tag)) tags.push(feature.tag as string);
      else if (type.endsWith('#mention')) {
        const handle = mentionHandle(feature, facet, text, context);
        if (handle) mentions.push(context.collector.handle(handle));
      }
    }
  }
  // createdAt is when the author posted; indexedAt (when the network saw it) backs up a bad one.
  let time = parseTime(record.createdAt);
  if (!Number.isFinite(time)) time = parseTime(view.indexedAt);

  const post: Post = {
    id: uri,
    author,
    authorName: isObject(view.author) ? str(view.author.displayName) : undefined,
    time,
    kind,
    refAuthor: refAuthor && context.collector.handle(refAuthor),
    replyTo: replyTo && context.collector.handle(replyTo),
    mentions,
    hashtags: normalizeHashtags(tags),
    text: text || undefined,
  };
  if (referenced) context.collector.addReferenced(post);
  else context.collector.add(post);
  return post;
}

function mentionHandle(
  feature: JsonObject,
  facet: JsonObject,
  text: string,
  context: Context,
): string | undefined {
  const did = str(feature.did);
  const known = did ? context.handles.get(did) : undefined;
  if (known) return known;
  // Not an author anywhere in the file: the text itself spells the handle ("@name.bsky.social").
  const index = isObject(facet.index) ? facet.index : undefined;
  if (index && typeof index.byteStart === 'number' && typeof index.byteEnd === 'number') {
    const written = sliceUtf8(text, index.byteStart, index.byteEnd).replace(/^@/, '').trim();
    if (written) {
      if (did) context.handles.set(did, written);
      return written;
    }
  }
  return did;
}

/** The quoted post's URI in a record's embed (plain record, or record with media). */
function quotedUriOf(embed: unknown): string | undefined {
  if (!isObject(embed) || !isObject(embed.record)) return undefined;
  const type = String(embed.$type);
  const inner = type.startsWith('app.bsky.embed.recordWithMedia')
    ? embed.record.record
    : embed.record;
  const uri = isObject(inner) ? str(inner.uri) : undefined;
  // Records can also embed feed generators or lists: only posts are quotes.
  return uri && uri.includes(POST_COLLECTION) ? uri : undefined;
}

function quotedViewOf(embed: unknown): JsonObject | undefined {
  if (!isObject(embed) || !isObject(embed.record)) return undefined;
  const type = String(embed.$type);
  const inner = type.startsWith('app.bsky.embed.recordWithMedia')
    ? embed.record.record
    : embed.record;
  return isObject(inner) && str(inner.uri) && isObject(inner.author) && isObject(inner.value)
    ? inner
    : undefined;
}
