import { idOf, isObject, list, parseTime, str, type JsonObject, PostCollector } from './collect';
import { normalizeHashtags, type Post, type PostKind } from './post';

/**
 * Mastodon `Status` objects: an array (tag timeline, account statuses) or a `context` response
 * (`{ancestors, descendants}`). A server writes its own users' `acct` without a domain; handles are
 * made `user@server` throughout so one person has one key whichever server the data came from.
 */

export function isMastodonStatus(value: unknown): boolean {
  return (
    isObject(value) &&
    isObject(value.account) &&
    typeof value.created_at === 'string' &&
    ('content' in value || 'reblog' in value)
  );
}

/** An account object (reblogged_by, favourited_by, followers): people, with no posts or times. */
export function isMastodonAccount(value: unknown): boolean {
  return isObject(value) && typeof value.acct === 'string' && typeof value.username === 'string';
}

export function isMastodonContext(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.ancestors) && Array.isArray(value.descendants);
}

function hostOf(url: unknown): string | undefined {
  const text = str(url);
  const match = text ? /^https?:\/\/([^/:?#]+)/i.exec(text) : null;
  return match ? match[1].toLowerCase() : undefined;
}

/** `acct` is "user" for the serving instance's own users and "user@domain" for everyone else. */
function fullHandle(account: JsonObject): string | undefined {
  const acct = str(account.acct);
  if (!acct) return undefined;
  if (acct.includes('@')) return acct;
  const host = hostOf(account.url);
  return host ? `${acct}@${host}` : acct;
}

function instanceOf(handle: string): string | undefined {
  const at = handle.lastIndexOf('@');
  return at > 0 ? handle.slice(at + 1) : undefined;
}

/** Statuses hold HTML; the UI shows plain text. Entities beyond the common five are rare here. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function readMastodon(values: unknown[], collector: PostCollector): void {
  const statuses: JsonObject[] = [];
  for (const value of values) {
    if (isMastodonContext(value)) {
      const context = value as JsonObject;
      for (const s of [...list(context.ancestors), ...list(context.descendants)]) {
        if (isMastodonStatus(s)) statuses.push(s as JsonObject);
      }
    } else if (isMastodonStatus(value)) statuses.push(value as JsonObject);
    else collector.tally('masto-other', (n) => `${n} item(s) were not statuses: skipped`);
  }
  // Replies name their target by account id only: learn every id → handle first.
  const handles = new Map<string, string>();
  const learn = (account: unknown) => {
    if (!isObject(account)) return;
    const id = idOf(account.id);
    const handle = fullHandle(account);
    if (id && handle && !handles.has(id)) handles.set(id, handle);
  };
  for (const status of statuses) {
    learn(status.account);
    for (const m of list(status.mentions)) learn(m);
    if (isObject(status.reblog)) {
      learn(status.reblog.account);
      for (const m of list(status.reblog.mentions)) learn(m);
    }
  }
  for (const status of statuses) addStatus(status, handles, collector, false);
}

/** Mastodon 4.4+ quotes: `quote: {state, quoted_status}`. */
function quotedStatus(status: JsonObject): JsonObject | undefined {
  const quote = status.quote;
  if (isObject(quote) && isMastodonStatus(quote.quoted_status)) {
    return quote.quoted_status as JsonObject;
  }
  return undefined;
}

function addStatus(
  status: JsonObject,
  handles: Map<string, string>,
  collector: PostCollector,
  referenced: boolean,
): string | undefined {
  const id = idOf(status.id);
  const account = status.account as JsonObject;
  const author = fullHandle(account);
  if (!id || !author) {
    collector.tally('masto-no-id', (n) => `${n} status(es) without an id or account: skipped`);
    return undefined;
  }
  const instance = instanceOf(author);
  collector.account({
    handle: author,
    name: str(account.display_name) ?? str(account.username),
    instance,
    platformId: idOf(account.id),
  });

  let kind: PostKind = 'post';
  let refAuthor: string | undefined;
  let tagSource = status;
  const reblog = isObject(status.reblog) ? status.reblog : undefined;
  const quoted = quotedStatus(status);
  if (reblog && isMastodonStatus(reblog)) {
    kind = 'repost';
    refAuthor = addStatus(reblog, handles, collector, true);
    // A reblog wrapper has no content or tags of its own: it spreads the original's.
    tagSource = reblog;
  } else if (quoted) {
    kind = 'quote';
    refAuthor = addStatus(quoted, handles, collector, true);
  }
  const replyId = idOf(status.in_reply_to_account_id);
  let replyTo: string | undefined;
  if (replyId) {
    replyTo = handles.get(replyId);
    if (!replyTo) {
      collector.tally(
        'masto-reply',
        (n) => `${n} repl(ies) pointed at an account the file never shows: kept as posts`,
      );
    }
  }
  if (replyTo && kind === 'post') {
    kind = 'reply';
    refAuthor = replyTo;
  }
  const mentions =
    kind === 'repost'
      ? []
      : list(status.mentions)
          .map((m) => (isObject(m) ? fullHandle(m) : undefined))
          .filter((m): m is string => m !== undefined)
          .map((m) => collector.handle(m));
  const tags = list(tagSource.tags)
    .map((t) => (isObject(t) ? str(t.name) : undefined))
    .filter((t): t is string => t !== undefined);
  const content = str(tagSource.content);

  const post: Post = {
    id,
    author,
    authorName: str(account.display_name),
    time: parseTime(status.created_at),
    kind,
    refAuthor: refAuthor && collector.handle(refAuthor),
    replyTo: replyTo && collector.handle(replyTo),
    mentions,
    hashtags: normalizeHashtags(tags),
    text: content ? plainText(content) : undefined,
    instance,
  };
  if (referenced) collector.addReferenced(post);
  else collector.add(post);
  return author;
}
