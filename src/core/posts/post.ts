/**
 * The one shape every platform adapter produces. Adapters differ in how a platform spells a repost
 * or a mention; from here on, spread code only ever sees `Post`s and `AccountInfo`s.
 */

export type PostKind = 'post' | 'repost' | 'quote' | 'reply';

/** `csv`: our own minimal table (see minimal-csv.ts), whatever platform the rows came from. */
export type Platform = 'twitter' | 'mastodon' | 'bluesky' | 'cascade' | 'csv';

export interface Post {
  /** Platform id of the post (tweet id, Mastodon status id, Bluesky at:// URI, cascade line key). */
  id: string;
  /** The author's handle: the stable key of an account within a dataset (see `AccountInfo`). */
  author: string;
  authorName?: string;
  /** Epoch milliseconds. Adapters drop (and report) posts whose time cannot be read. */
  time: number;
  /**
   * What the post does with someone else's post. A post that both quotes and replies is a `quote`
   * (it carries content on) with `replyTo` set as well.
   */
  kind: PostKind;
  /** Author of the post that was reposted or quoted, or replied to for a `reply`. */
  refAuthor?: string;
  /** Author replied to, for every reply (including a quote that is also a reply). */
  replyTo?: string;
  /**
   * Handles mentioned by the author. Empty for a repost: the mentions inside reposted text are the
   * original author's acts, and counting them again would invent reposter → mentioned edges.
   */
  mentions: string[];
  /**
   * Lower-cased, without '#', no duplicates. A repost carries the reposted post's hashtags: it
   * spreads that content, while the platform's own text of a retweet ("RT @a: …") is truncated.
   */
  hashtags: string[];
  text?: string;
  /** Place attached to the post itself (a geotag), when the platform gives one. */
  location?: string;
  /** Home server of the author, for federated platforms. */
  instance?: string;
}

export interface AccountInfo {
  /** Canonical spelling of the handle, also the key in `PostsDataset.accounts`. */
  handle: string;
  name?: string;
  /** Free text from the profile ("Johannesburg, South Africa"). */
  location?: string;
  instance?: string;
  /** The platform's own id (Twitter user id, Mastodon account id, Bluesky DID). */
  platformId?: string;
}

export interface PostsDataset {
  /** The file name (or URL) the posts came from, shown to the user. */
  name: string;
  platform: Platform;
  /** The posts the file holds, in file order. */
  posts: Post[];
  /**
   * Posts the file does not hold itself but shows in full because a collected post points at them
   * (the original of a retweet, a quoted or replied-to post). They carry real authors and times, so
   * the spread uses them: without them almost every retweet would look like it came from nowhere.
   */
  referenced: Post[];
  accounts: Map<string, AccountInfo>;
  /** What was repaired or skipped, in words a person understands. */
  warnings: string[];
}

/** '#BlackLivesMatter' and 'blacklivesmatter' are the same tag on every platform we read. */
export function normalizeHashtag(tag: string): string {
  return tag
    .replace(/^[#＃]+/, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Distinct normalized tags, first-seen order. */
export function normalizeHashtags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normalized = normalizeHashtag(tag);
    if (normalized !== '') seen.add(normalized);
  }
  return [...seen];
}
