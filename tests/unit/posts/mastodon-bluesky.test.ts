import { describe, expect, it } from 'vitest';
import { sliceUtf8 } from '../../../src/core/posts/bluesky';
import { hashtagCounts, recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { finalReach } from '../../../src/core/spread/metrics';
import { expectSpreadInvariants, FIXTURES, load, POSTS, readText, rejection } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON read independently of the adapter */
type Raw = any;

function chain(spread: ReturnType<typeof recordedSpread>): string[] {
  const { nodeIds } = spread.payload;
  return [...spread.timeline.node].map((node, row) => {
    const via = spread.timeline.via[row];
    return `${nodeIds[node]}<${via < 0 ? '' : nodeIds[via]}`;
  });
}

describe('Mastodon', () => {
  it('reads a tag timeline: accounts as user@server, instances kept', () => {
    const raw: Raw[] = JSON.parse(readText(POSTS, 'rtoot_fosstodon_tag-rstats.json'));
    const dataset = load(POSTS, 'rtoot_fosstodon_tag-rstats.json');
    expect(dataset.platform).toBe('mastodon');
    expect(dataset.posts.length).toBe(raw.length);
    expect(dataset.posts.length).toBe(5);
    const authors = new Set(raw.map((s) => s.account.acct));
    expect(new Set(dataset.posts.map((p) => p.author)).size).toBe(authors.size);
    expect(dataset.posts.filter((p) => p.kind === 'repost').length).toBe(
      raw.filter((s) => s.reblog).length,
    );
    // A remote account keeps its server; a local mention ("schochastics") gets the serving one.
    const simon = dataset.accounts.get('simonpcouch@rstats.me');
    expect(simon?.instance).toBe('rstats.me');
    expect(dataset.posts.flatMap((p) => p.mentions)).toContain('schochastics@fosstodon.org');
    expect(dataset.posts[0].text).toMatch(/^After a month/);
  });

  it('follows #rstats: nobody reposted, replied to or mentioned another adopter', () => {
    const raw: Raw[] = JSON.parse(readText(POSTS, 'rtoot_fosstodon_tag-rstats.json'));
    const dataset = load(POSTS, 'rtoot_fosstodon_tag-rstats.json');
    const users = raw.filter((s) => s.tags.some((t: Raw) => t.name.toLowerCase() === 'rstats'));
    const adopters = new Set(users.map((s) => s.account.acct));
    expect(hashtagCounts(dataset)[0]).toEqual({
      tag: 'rstats',
      posts: users.length,
      accounts: adopters.size,
    });
    const mentioned = new Set(raw.flatMap((s) => s.mentions.map((m: Raw) => m.acct)));
    expect([...adopters].some((a) => mentioned.has(a))).toBe(false);
    const spread = recordedSpread(dataset, 'rstats');
    expect(finalReach(spread.timeline)).toEqual({
      total: adopters.size,
      origin: 1,
      hard: 0,
      soft: 0,
      outside: adopters.size - 1,
    });
    expectSpreadInvariants(spread);
  });

  it('reads a context response with a reply and a reblog', () => {
    const dataset = load(FIXTURES, 'mastodon-context.json');
    expect(dataset.posts.map((p) => `${p.author} ${p.kind} ${p.refAuthor ?? ''}`)).toEqual([
      'alice@a.social post ',
      'bob@b.town reply alice@a.social',
      'carol@c.example repost bob@b.town',
    ]);
    // The reblog wrapper has no tags of its own: it spreads the original's.
    expect(dataset.posts[2].hashtags).toEqual(['fediverse']);
    const spread = recordedSpread(dataset, 'fediverse');
    expect(chain(spread)).toEqual([
      'alice@a.social<',
      'bob@b.town<alice@a.social',
      'carol@c.example<bob@b.town',
    ]);
    expect(spread.payload.nodeAttributes.map((a) => a.instance)).toEqual([
      'a.social',
      'b.town',
      'c.example',
    ]);
    expectSpreadInvariants(spread);
  });

  it('refuses account lists with an explanation', () => {
    for (const file of [
      'rtoot_mastodon-social_reblogged_by_109294719267373593.json',
      'rtoot_mastodon-social_favourited_by_109294719267373593.json',
    ]) {
      const error = rejection(readText(POSTS, file), file);
      expect(error.file).toBe(file);
      expect(error.message).toMatch(/list of accounts .*reblogged_by or favourited_by.*not posts/);
    }
  });
});

describe('Bluesky', () => {
  it('reads searchPosts: posts, replies, quotes and facets', () => {
    const raw: Raw = JSON.parse(readText(POSTS, 'bskyr_searchPosts.json'));
    const dataset = load(POSTS, 'bskyr_searchPosts.json');
    expect(dataset.platform).toBe('bluesky');
    expect(raw.posts.length).toBe(23);
    expect(dataset.posts.length).toBe(23);
    const replies = raw.posts.filter((p: Raw) => p.record.reply).length;
    expect(replies).toBe(6);
    expect(dataset.posts.filter((p) => p.replyTo !== undefined).length).toBe(replies);
    const quotes = raw.posts.filter((p: Raw) => p.record.embed?.$type === 'app.bsky.embed.record');
    expect(dataset.posts.filter((p) => p.kind === 'quote').length).toBe(quotes.length);
    expect(new Set(dataset.posts.map((p) => p.author)).size).toBe(
      new Set(raw.posts.map((p: Raw) => p.author.handle)).size,
    );
    // Mentions: each is the handle written at the facet's UTF-8 byte range.
    const written = raw.posts.flatMap((p: Raw) =>
      (p.record.facets ?? [])
        .filter((f: Raw) => f.features.some((x: Raw) => x.$type.endsWith('#mention')))
        .map((f: Raw) =>
          Buffer.from(p.record.text, 'utf8')
            .subarray(f.index.byteStart, f.index.byteEnd)
            .toString('utf8')
            .slice(1),
        ),
    );
    expect(written.length).toBe(2);
    expect(dataset.posts.flatMap((p) => p.mentions).sort()).toEqual([...written].sort());
    expect(dataset.posts.find((p) => p.hashtags.includes('kitm'))?.author).toBe(
      'kagrox.bsky.social',
    );
    expectSpreadInvariants(recordedSpread(dataset, 'kitm'));
  });

  it('reads a feed with reposts (reason), a reply, a quote with media and multi-byte facets', () => {
    const dataset = load(FIXTURES, 'bluesky-feed.json');
    expect(dataset.posts.map((p) => `${p.author} ${p.kind} ${p.refAuthor ?? ''}`)).toEqual([
      'alice.test post ',
      'carol.test repost alice.test',
      'bob.test reply alice.test',
      'dave.test quote alice.test',
      'erin.test repost bob.test',
    ]);
    // "#DÉMO", "Démo" and record.tags "démo" are one tag; the mention DID is unknown, so the
    // handle is read from the text at the facet's byte offsets (after "👋", 4 bytes).
    expect(dataset.posts.every((p) => p.hashtags.includes('démo'))).toBe(true);
    expect(dataset.posts[0].mentions).toEqual(['bob.test']);
    expect(dataset.posts[1].time).toBe(Date.parse('2024-05-01T10:10:00.000Z'));
    const spread = recordedSpread(dataset, 'démo');
    expect(chain(spread)).toEqual([
      'alice.test<',
      'carol.test<alice.test',
      'bob.test<alice.test',
      'dave.test<alice.test',
      'erin.test<bob.test',
    ]);
    expectSpreadInvariants(spread);
  });

  it('slices text by UTF-8 bytes', () => {
    expect(sliceUtf8('é👋@a.b', 6, 10)).toBe('@a.b');
  });

  it('refuses getRepostedBy with an explanation', () => {
    const error = rejection(
      readText(POSTS, 'bskyr_getRepostedBy.json'),
      'bskyr_getRepostedBy.json',
    );
    expect(error.message).toMatch(
      /bskyr_getRepostedBy\.json: this is a list of accounts .*repostedBy/,
    );
  });
});
