import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_RULE,
  defaultHashtag,
  hashtagCounts,
  recordedSpread,
} from '../../../src/core/posts/spread-of-hashtag';
import { finalReach } from '../../../src/core/spread/metrics';
import { Channel } from '../../../src/core/spread/types';
import { expectSpreadInvariants, load, POSTS, readText } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON read independently of the adapter */
type Raw = any;

/** The raw tweets of the twarc pages: originals shown in `includes` first, then the collected ones. */
function rawTweets() {
  const pages: Raw[] = readText(POSTS, 'twarc-network_tweets.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const users = new Map<string, string>();
  const included = new Map<string, Raw>();
  for (const page of pages) {
    for (const u of page.includes.users) users.set(u.id, u.username.toLowerCase());
    for (const t of page.includes.tweets) included.set(t.id, t);
  }
  const data: Raw[] = pages.flatMap((p) => p.data);
  const ids = new Set(data.map((t) => t.id));
  const all = [...[...included.values()].filter((t) => !ids.has(t.id)), ...data];
  return { all, users, included };
}

describe('recordedSpread on twarc-network_tweets.jsonl', () => {
  const dataset = load(POSTS, 'twarc-network_tweets.jsonl');
  const tag = defaultHashtag(dataset)!;

  it('splits adopters into origin/hard/soft/outside exactly as the rule, recomputed naively', () => {
    const { all, users, included } = rawTweets();
    const posts = all.map((t) => {
      const refs: Raw[] = t.referenced_tweets ?? [];
      const retweeted = refs.find((r) => r.type === 'retweeted');
      const quoted = refs.find((r) => r.type === 'quoted');
      const tags = new Set<string>(
        (t.entities?.hashtags ?? []).map((h: Raw) => h.tag.toLowerCase()),
      );
      for (const h of retweeted ? (included.get(retweeted.id)?.entities?.hashtags ?? []) : []) {
        tags.add(h.tag.toLowerCase());
      }
      const ref = retweeted ?? quoted;
      return {
        author: users.get(t.author_id)!,
        time: Date.parse(t.created_at),
        tags,
        ref: ref ? users.get(included.get(ref.id)?.author_id) : undefined,
        reply: t.in_reply_to_user_id ? users.get(t.in_reply_to_user_id) : undefined,
        mentions: retweeted
          ? []
          : (t.entities?.mentions ?? []).map((m: Raw) => m.username.toLowerCase()),
      };
    });
    const withTag = posts.filter((p) => p.tags.has(tag)).sort((a, b) => a.time - b.time);
    const adopted = new Set<string>();
    const via = new Map<string, string | null>();
    for (let i = 0; i < withTag.length; i++) {
      const p = withTag[i];
      if (adopted.has(p.author)) continue;
      let source: string | null = null;
      if (p.ref && p.ref !== p.author && adopted.has(p.ref)) source = p.ref;
      else if (p.reply && p.reply !== p.author && adopted.has(p.reply)) source = p.reply;
      else {
        for (let j = i - 1; j >= 0 && source === null; j--) {
          const q = withTag[j];
          if (q.author !== p.author && q.mentions.includes(p.author)) source = q.author;
        }
      }
      adopted.add(p.author);
      via.set(p.author, source);
    }
    const origin = withTag[0].author;
    let hard = 0;
    let soft = 0;
    let outside = 0;
    for (const [author, source] of via) {
      if (author === origin) continue;
      if (source === null) outside++;
      else if (source === origin) hard++;
      else soft++;
    }

    const spread = recordedSpread(dataset, tag);
    expect(spread.payload.nodeIds[spread.origin].toLowerCase()).toBe(origin);
    expect(finalReach(spread.timeline)).toEqual({
      total: adopted.size,
      origin: 1,
      hard,
      soft,
      outside,
    });
    expect(soft).toBeGreaterThan(100); // the check means something: most adoptions are attributed
    expectSpreadInvariants(spread);
  });

  it('weights edges by how often each interaction happened', () => {
    const { all, users, included } = rawTweets();
    const retweets = all.filter((t) =>
      (t.referenced_tweets ?? []).some(
        (r: Raw) =>
          r.type === 'retweeted' &&
          included.get(r.id)?.author_id !== t.author_id &&
          users.has(t.author_id),
      ),
    ).length;
    const { payload } = recordedSpread(dataset, tag);
    let repostWeight = 0;
    for (let e = 0; e < payload.edgeSources.length; e++) {
      if (payload.edgeAttributes![e].kind === 'repost') repostWeight += payload.edgeWeights[e];
      expect(payload.edgeSources[e]).not.toBe(payload.edgeTargets[e]);
    }
    expect(repostWeight).toBe(retweets);
    expect(payload.directed).toBe(true);
    expect(payload.nodeIds.length).toBe(dataset.accounts.size);
  });

  it('starts from a chosen adopter: hard becomes whoever got it straight from them', () => {
    const base = recordedSpread(dataset, tag);
    // The adopter most others got the hashtag from directly.
    const fromCount = new Map<number, number>();
    for (const v of base.timeline.via) if (v >= 0) fromCount.set(v, (fromCount.get(v) ?? 0) + 1);
    const [hub, direct] = [...fromCount].sort((a, b) => b[1] - a[1])[0];
    const chosen = recordedSpread(dataset, tag, base.payload.nodeIds[hub]);
    expect(chosen.origin).toBe(hub);
    expect(finalReach(chosen.timeline).hard).toBe(direct);
    expect(chosen.timeline.length).toBe(base.timeline.length);
    expectSpreadInvariants(chosen);
  });

  it('refuses an origin that never used the hashtag, and a hashtag nobody used', () => {
    const outsider = [...dataset.accounts.keys()].find(
      (h) =>
        !dataset.posts.some((p) => p.author === h && p.hashtags.includes(tag)) &&
        !dataset.referenced.some((p) => p.author === h && p.hashtags.includes(tag)),
    )!;
    expect(() => recordedSpread(dataset, tag, outsider)).toThrow(/never used #blacklivesmatter/);
    expect(() => recordedSpread(dataset, tag, 'nobody-here')).toThrow(/not in this dataset/);
    expect(() => recordedSpread(dataset, 'no-such-tag')).toThrow(/no post uses #no-such-tag/);
  });

  it('carries node attributes the UI and "find the others" need', () => {
    const { payload, timeline } = recordedSpread(dataset, tag);
    const origin = payload.nodeAttributes[timeline.node[0]];
    expect(origin.handle).toBe(payload.nodeIds[timeline.node[0]]);
    expect(typeof origin.posts).toBe('number');
    expect(origin.firstAdoption).toBe(timeline.time[0]);
    expect(payload.nodeAttributes.some((a) => typeof a.location === 'string')).toBe(true);
    expect(payload.graphAttributes.hashtag).toBe(tag);
    expect(payload.graphAttributes.attribution).toBe(ATTRIBUTION_RULE);
    expect(ATTRIBUTION_RULE).toMatch(/original author/);
    expect(timeline.channel[0]).toBe(Channel.origin);
  });

  it('has an invariant check that catches a broken timeline', () => {
    const spread = recordedSpread(dataset, tag);
    const via = spread.timeline.via.slice();
    const late = spread.timeline.node[spread.timeline.length - 1];
    via[1] = late; // attributed to someone who adopts later
    expect(() =>
      expectSpreadInvariants({ ...spread, timeline: { ...spread.timeline, via } }),
    ).toThrow();
  });

  it('lists hashtags most used first', () => {
    const counts = hashtagCounts(dataset);
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i - 1].posts).toBeGreaterThanOrEqual(counts[i].posts);
    }
    expect(counts.every((c) => c.tag === c.tag.toLowerCase() && !c.tag.startsWith('#'))).toBe(true);
  });
});
