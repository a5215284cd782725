import { parseTime } from './collect';
import type { PostKind, PostsDataset } from './post';
import {
  finishTweetRows,
  forEachRow,
  hashtagsInText,
  listCell,
  mentionsInText,
  twitterCollector,
  type Cell,
  type TweetRow,
} from './tweet-table';

/**
 * The CSV of `twarc2 csv` (the twarc-csv plugin, Twitter API v2). Its columns are the flattened
 * tweet's paths: `id`, `conversation_id`, `referenced_tweets.replied_to.id`,
 * `referenced_tweets.retweeted.id`, `referenced_tweets.quoted.id`, `author_id`,
 * `in_reply_to_user_id`, `retweeted_user_id`, `quoted_user_id` (newer versions add
 * `in_reply_to_username`, `retweeted_username`, `quoted_username`), `created_at` (ISO 8601),
 * `text`, `entities.hashtags` and `entities.mentions` (JSON lists, `["#tag"]`, `["@handle"]`),
 * `author.username`, `author.name`, `author.location`, `geo.full_name`, `geo.name`, `__twarc.*`.
 * By default twarc-csv writes each referenced tweet (a retweet's original, a quoted or replied-to
 * tweet) as a row of its own before the tweet that points at it, and gives a retweet its
 * original's text and entities. Those rows cannot be told apart from collected ones, so every row
 * is a post; they are what give an original author a real adoption time.
 */

export function isTwarcCsv(names: string[]): boolean {
  return (
    names.includes('id') &&
    names.includes('created_at') &&
    names.includes('text') &&
    (names.includes('author.username') || names.includes('author_id')) &&
    names.some((name) => name.startsWith('referenced_tweets.') || name === 'conversation_id')
  );
}

/** A user id → username, from every column pair that names both. */
const USER_PAIRS: [id: string, username: string][] = [
  ['author_id', 'author.username'],
  ['author.id', 'author.username'],
  ['in_reply_to_user_id', 'in_reply_to_username'],
  ['retweeted_user_id', 'retweeted_username'],
  ['quoted_user_id', 'quoted_username'],
];

interface RawRow {
  id: string;
  cells: Map<string, string>;
  line: number;
}

const COLUMNS = [
  'id',
  'author_id',
  'author.id',
  'author.username',
  'author.name',
  'author.location',
  'created_at',
  'text',
  'referenced_tweets.retweeted.id',
  'referenced_tweets.quoted.id',
  'referenced_tweets.replied_to.id',
  'in_reply_to_user_id',
  'in_reply_to_username',
  'retweeted_user_id',
  'retweeted_username',
  'quoted_user_id',
  'quoted_username',
  'entities.hashtags',
  'entities.mentions',
  'geo.full_name',
  'geo.name',
];

export function readTwarcCsv(text: string, file: string): PostsDataset {
  const collector = twitterCollector();
  // Two passes: a referenced author may be named by id only, with the username in a later row.
  const raw: RawRow[] = [];
  let hasReplyIds = false;
  const usernames = new Map<string, string>();
  forEachRow(text, file, (cell: Cell, line, names) => {
    hasReplyIds = names.includes('referenced_tweets.replied_to.id');
    const cells = new Map<string, string>();
    for (const name of COLUMNS) {
      const value = cell(name);
      if (value !== '') cells.set(name, value);
    }
    for (const [idColumn, nameColumn] of USER_PAIRS) {
      const id = cells.get(idColumn);
      const username = cells.get(nameColumn);
      if (id && username && !usernames.has(id)) usernames.set(id, username);
    }
    raw.push({ id: cells.get('id') ?? `line ${line}`, cells, line });
  });

  const authorOfRow = new Map<string, string>();
  for (const { id, cells } of raw) {
    const author = handleOf(cells.get('author.username'), cells.get('author_id'), usernames);
    if (author && !authorOfRow.has(id)) authorOfRow.set(id, author);
  }
  const unnamed = new Set<string>();
  /** The author of a referenced tweet: its username column, its row, or its author id. */
  const referenced = (tweetId?: string, username?: string, userId?: string) => {
    const handle =
      username ??
      (tweetId ? authorOfRow.get(tweetId) : undefined) ??
      handleOf(undefined, userId, usernames);
    if (handle !== undefined && handle === userId) unnamed.add(userId);
    return handle;
  };

  const rows: TweetRow[] = raw.map(({ id, cells }) => {
    const get = (name: string) => cells.get(name);
    const retweetId = get('referenced_tweets.retweeted.id');
    const quoteId = get('referenced_tweets.quoted.id');
    const replyId = get('referenced_tweets.replied_to.id');
    let kind: PostKind = 'post';
    let refAuthor: string | undefined;
    let refId: string | undefined;
    if (retweetId) {
      kind = 'repost';
      refId = retweetId;
      refAuthor = referenced(retweetId, get('retweeted_username'), get('retweeted_user_id'));
    } else if (quoteId) {
      kind = 'quote';
      refId = quoteId;
      refAuthor = referenced(quoteId, get('quoted_username'), get('quoted_user_id'));
    }
    const author = handleOf(get('author.username'), get('author_id'), usernames) ?? '';
    const words = get('text')?.replace(/\\n/g, '\n');
    let replyTo: string | undefined;
    const replyUser = get('in_reply_to_user_id');
    // A tweet that only starts with "@bea" has an in_reply_to_user_id but replies to no tweet: it
    // mentions her, as the JSON reader counts it. Tables without the reply id column keep the user.
    const isReply = replyId !== undefined || (!hasReplyIds && replyUser !== undefined);
    if (isReply && replyUser !== undefined && replyUser === get('author_id')) {
      replyTo = author; // a thread: the author answering themself
    } else if (isReply) {
      const username =
        get('in_reply_to_username') ??
        (replyId ? authorOfRow.get(replyId) : undefined) ??
        (replyUser ? usernames.get(replyUser) : undefined) ??
        // The reply prefix names the replied-to author first ("@ana @bea …").
        REPLY_PREFIX.exec(words ?? '')?.[1];
      replyTo = referenced(replyId, username, replyUser);
    }
    if (replyTo !== undefined && kind === 'post') {
      kind = 'reply';
      refAuthor = replyTo;
    }
    const hashtags = get('entities.hashtags');
    const mentions = get('entities.mentions');
    return {
      id,
      author,
      authorName: get('author.name'),
      authorId: get('author_id') ?? get('author.id'),
      authorLocation: get('author.location'),
      time: parseTime(get('created_at') ?? ''),
      kind,
      refAuthor,
      refId,
      replyTo,
      mentions: mentions ? listCell(mentions, '@') : mentionsInText(words ?? ''),
      hashtags: hashtags ? listCell(hashtags, '#') : hashtagsInText(words ?? ''),
      text: words,
      location: get('geo.full_name') ?? get('geo.name'),
    };
  });
  if (unnamed.size > 0) {
    collector.warn(
      `${unnamed.size} referenced author(s) were named by user id only (no username anywhere in the ` +
        'table): shown by their id',
    );
  }
  return finishTweetRows(rows, collector, file);
}

const REPLY_PREFIX = /^@([A-Za-z0-9_]{1,50})\b/;

function handleOf(
  username: string | undefined,
  userId: string | undefined,
  usernames: Map<string, string>,
): string | undefined {
  return username ?? (userId ? (usernames.get(userId) ?? userId) : undefined);
}
