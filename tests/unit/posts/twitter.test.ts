import { describe, expect, it } from 'vitest';
import { parsePosts } from '../../../src/core/posts/detect';
import { hashtagCounts, recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { finalReach } from '../../../src/core/spread/metrics';
import {
  countBy,
  expectSpreadInvariants,
  FIXTURES,
  load,
  POSTS,
  readText,
  rejection,
} from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON read independently of the adapter */
type Raw = any;

function rawPages(file: string): Raw[] {
  return readText(POSTS, file)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

describe('Twitter API v2 pages (twarc2)', () => {
  const pages = rawPages('twarc-network_tweets.jsonl');
  const tweets: Raw[] = pages.flatMap((page) => page.data);
  const dataset = load(POSTS, 'twarc-network_tweets.jsonl');

  it('reads every tweet, author and interaction the raw pages hold', () => {
    const refTypes = countBy(
      tweets.flatMap((t) => t.referenced_tweets ?? []),
      (r: Raw) => r.type,
    );
    // The counts the catalog states, derived here from the raw JSON.
    expect(tweets.length).toBe(500);
    expect(new Set(tweets.map((t) => t.author_id)).size).toBe(401);
    expect(refTypes.get('retweeted')).toBe(367);
    expect(refTypes.get('replied_to')).toBe(35);
    expect(refTypes.get('quoted')).toBe(18);

    expect(dataset.platform).toBe('twitter');
    expect(dataset.warnings).toEqual([]);
    expect(dataset.posts.length).toBe(tweets.length);
    expect(new Set(dataset.posts.map((p) => p.author)).size).toBe(401);
    const kinds = countBy(dataset.posts, (p) => p.kind);
    expect(kinds.get('repost')).toBe(refTypes.get('retweeted'));
    expect(kinds.get('quote')).toBe(refTypes.get('quoted'));
    expect(dataset.posts.filter((p) => p.replyTo !== undefined).length).toBe(35);
  });

  it('names authors by username and keeps their profile location', () => {
    const users = new Map<string, Raw>();
    for (const page of pages) for (const u of page.includes.users) users.set(u.id, u);
    const first = tweets[0];
    const post = dataset.posts.find((p) => p.id === first.id)!;
    expect(post.author).toBe(users.get(first.author_id).username);
    expect(post.time).toBe(Date.parse(first.created_at));
    expect(dataset.accounts.get(post.author)?.location).toBe(users.get(first.author_id).location);
    // The retweet's original, shown in `includes`, is kept as a referenced post.
    const original = first.referenced_tweets[0].id;
    expect(dataset.referenced.some((p) => p.id === original)).toBe(true);
  });

  it('follows the most used hashtag: adopters are the distinct accounts using it', () => {
    // Independently: a tweet uses a tag if its entities have it, or (a retweet) its original's do.
    const included = new Map<string, Raw>();
    for (const page of pages) for (const t of page.includes.tweets) included.set(t.id, t);
    const ids = new Set(tweets.map((t) => t.id));
    const all = [...[...included.values()].filter((t) => !ids.has(t.id)), ...tweets];
    const tagsOf = (t: Raw): Set<string> => {
      const tags = new Set<string>(
        (t.entities?.hashtags ?? []).map((h: Raw) => h.tag.toLowerCase()),
      );
      for (const ref of t.referenced_tweets ?? []) {
        if (ref.type !== 'retweeted') continue;
        for (const h of included.get(ref.id)?.entities?.hashtags ?? [])
          tags.add(h.tag.toLowerCase());
      }
      return tags;
    };
    const usage = new Map<string, { posts: number; authors: Set<string> }>();
    for (const t of all) {
      for (const tag of tagsOf(t)) {
        const entry = usage.get(tag) ?? { posts: 0, authors: new Set<string>() };
        entry.posts++;
        entry.authors.add(t.author_id);
        usage.set(tag, entry);
      }
    }
    const [topTag, top] = [...usage].sort((a, b) => b[1].posts - a[1].posts)[0];

    const counts = hashtagCounts(dataset);
    expect(counts[0]).toEqual({ tag: topTag, posts: top.posts, accounts: top.authors.size });
    expect(topTag).toBe('blacklivesmatter');

    const spread = recordedSpread(dataset, topTag);
    expect(spread.timeline.length).toBe(top.authors.size);
    const reach = finalReach(spread.timeline);
    expect(reach.origin + reach.hard + reach.soft + reach.outside).toBe(top.authors.size);
    expectSpreadInvariants(spread);
  });

  it('reads twarc’s flattened form (one tweet a line, expansions inline) the same way', () => {
    const flattened = pages.flatMap((page) => flatten(page)).map((t) => JSON.stringify(t));
    const fromFlat = parsePosts(flattened.join('\n'), 'flat.jsonl');
    expect(fromFlat.posts).toEqual(dataset.posts);
    const top = hashtagCounts(dataset)[0].tag;
    const a = recordedSpread(dataset, top).timeline;
    const b = recordedSpread(fromFlat, top).timeline;
    expect(b.length).toBe(a.length);
    expect(finalReach(b)).toEqual(finalReach(a));
  });

  it('loads the complete lines of a capture whose last line is cut off, and says so', () => {
    const text = readText(POSTS, 'twarc-network_tweets.jsonl').trimEnd();
    const cut = text.slice(0, text.length - 5000);
    const complete = pages.slice(0, -1).reduce((sum, page) => sum + page.data.length, 0);
    const dataset = parsePosts(cut, 'cut.jsonl');
    expect(dataset.posts.length).toBe(complete);
    expect(dataset.warnings.join(' ')).toMatch(/line 5, the last one, is cut off/);
  });

  it('fails on a broken line that is not the last one, naming it', () => {
    const lines = readText(POSTS, 'twarc-network_tweets.jsonl').split('\n');
    lines[1] = lines[1].slice(0, 100);
    expect(rejection(lines.join('\n'), 'broken.jsonl').message).toMatch(
      /broken\.jsonl: line 2: not valid JSON/,
    );
  });

  it('reads the single #kpop page with Korean text', () => {
    const page = rawPages('twarc-csv_kpop.jsonl')[0];
    const dataset = load(POSTS, 'twarc-csv_kpop.jsonl');
    expect(page.data.length).toBe(100);
    expect(dataset.posts.length).toBe(100);
    const retweets = page.data.filter((t: Raw) =>
      (t.referenced_tweets ?? []).some((r: Raw) => r.type === 'retweeted'),
    ).length;
    expect(retweets).toBe(78);
    expect(dataset.posts.filter((p) => p.kind === 'repost').length).toBe(retweets);
    expect(dataset.posts.some((p) => /[\uac00-\ud7a3]/.test(p.text ?? ''))).toBe(true);
    const spread = recordedSpread(dataset, 'kpop');
    expectSpreadInvariants(spread);
  });
});

/** twarc's `expansions.flatten`, reduced to the fields it inlines. */
function flatten(page: Raw): Raw[] {
  const users = new Map<string, Raw>();
  for (const u of page.includes.users ?? []) users.set(u.id, u).set(u.username, u);
  const places = new Map<string, Raw>((page.includes.places ?? []).map((p: Raw) => [p.id, p]));
  const tweets = new Map<string, Raw>();
  const expand = (t: Raw): Raw => {
    const out = { ...t, author: users.get(t.author_id) };
    if (t.in_reply_to_user_id) out.in_reply_to_user = users.get(t.in_reply_to_user_id);
    if (t.geo?.place_id) out.geo = { ...t.geo, ...places.get(t.geo.place_id) };
    if (t.entities?.mentions) {
      out.entities = {
        ...t.entities,
        mentions: t.entities.mentions.map((m: Raw) => ({ ...m, ...users.get(m.username) })),
      };
    }
    if (t.referenced_tweets) {
      out.referenced_tweets = t.referenced_tweets.map((r: Raw) => ({ ...r, ...tweets.get(r.id) }));
    }
    return out;
  };
  for (const t of page.includes.tweets ?? []) tweets.set(t.id, expand(t));
  return page.data.map(expand);
}

describe('Twitter API v1.1 tweets', () => {
  const text = readText(FIXTURES, 'twitter-v1.jsonl');

  it('reads retweets, quotes, replies, extended entities and mentions', () => {
    const dataset = parsePosts(text, 'twitter-v1.jsonl');
    expect(dataset.platform).toBe('twitter');
    const byAuthor = new Map(dataset.posts.map((p) => [p.author, p]));
    expect([...byAuthor.keys()]).toEqual(['alice', 'bob', 'carol', 'dave', 'Erin', 'frank']);
    expect(byAuthor.get('bob')).toMatchObject({ kind: 'repost', refAuthor: 'alice', mentions: [] });
    // The retweet's own entities are empty (truncated "RT @alice: …"); the original's count.
    expect(byAuthor.get('bob')?.hashtags).toEqual(['vote']);
    expect(byAuthor.get('dave')).toMatchObject({
      kind: 'quote',
      refAuthor: 'alice',
      hashtags: ['vote'],
    });
    expect(byAuthor.get('carol')).toMatchObject({
      kind: 'reply',
      refAuthor: 'bob',
      replyTo: 'bob',
    });
    // "+0100" is honoured: 12:10 in Paris is 11:10 UTC.
    expect(byAuthor.get('carol')?.time).toBe(Date.UTC(2021, 2, 1, 11, 10));
    // A mention spelled "@erin" names the account whose profile says "Erin".
    expect(byAuthor.get('alice')?.mentions).toEqual(['bob', 'Erin']);
    expect(byAuthor.get('alice')?.location).toBe('Lagos, Nigeria');
    expect(dataset.warnings).toEqual(['1 stream notice(s) (delete, limit) were skipped']);
  });

  it('reads a JSON array of the same tweets identically', () => {
    const array = `[${text.trim().split('\n').join(',')}]`;
    expect(parsePosts(array, 'array.json').posts).toEqual(parsePosts(text, 'lines.jsonl').posts);
  });

  it('attributes each adoption by the documented rule (worked by hand)', () => {
    const dataset = parsePosts(text, 'twitter-v1.jsonl');
    const spread = recordedSpread(dataset, 'vote');
    const { nodeIds } = spread.payload;
    const rows = [...spread.timeline.node].map((node, row) => {
      const via = spread.timeline.via[row];
      return `${nodeIds[node]}<${via < 0 ? '' : nodeIds[via]}`;
    });
    // alice posts; bob retweets her; dave quotes her; carol replies to bob; Erin was mentioned by alice.
    expect(rows).toEqual(['alice<', 'bob<alice', 'dave<alice', 'carol<bob', 'Erin<alice']);
    expect(finalReach(spread.timeline)).toEqual({
      total: 5,
      origin: 1,
      hard: 3,
      soft: 1,
      outside: 0,
    });
    expectSpreadInvariants(spread);
  });
});
