import { describe, expect, it } from 'vitest';
import { parsePosts } from '../../../src/core/posts/detect';
import type { Post } from '../../../src/core/posts/post';
import { hashtagCounts, recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { finalReach } from '../../../src/core/spread/metrics';
import { countBy, expectSpreadInvariants, load, POSTS, readText } from './helpers';
import { twarcCsvFromPages } from './tweet-csv-writers';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON read independently of the adapter */
type Raw = any;

const FILE = 'twarc-network_tweets.jsonl';
const pages: Raw[] = readText(POSTS, FILE)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const fromJson = load(POSTS, FILE);

/** What the spread depends on, per post. */
const shape = (post: Post) => ({
  id: post.id,
  author: post.author,
  time: post.time,
  kind: post.kind,
  refAuthor: post.refAuthor,
  replyTo: post.replyTo,
  mentions: post.mentions,
});

/** Every tweet and user the raw pages hold, whichever page holds them. */
const rawTweets = new Map<string, Raw>();
const rawUsers = new Map<string, Raw>();
for (const page of pages) {
  for (const tweet of [...page.includes.tweets, ...page.data]) rawTweets.set(tweet.id, tweet);
  for (const user of page.includes.users) rawUsers.set(user.id, user);
}

/**
 * Each CSV post equals the JSON adapter's post of the same id, except where the JSON left unnamed
 * whom a tweet replied to or quoted: it reads page by page and names a target only from what it has
 * seen so far, while the CSV reader reads the whole table first and falls back to the reply prefix
 * ("@ana …"). Each target the CSV names more is checked against the raw pages.
 */
function expectSameAsJson(posts: Post[]): number {
  const json = new Map([...fromJson.referenced, ...fromJson.posts].map((p) => [p.id, p]));
  let namedMore = 0;
  for (const post of posts) {
    const original = json.get(post.id)!;
    expect(post.hashtags).toEqual(original.hashtags);
    if (JSON.stringify(shape(post)) === JSON.stringify(shape(original))) continue;
    namedMore++;
    const raw = rawTweets.get(post.id);
    const { kind, refAuthor, replyTo, ...rest } = shape(post);
    const { kind: jsonKind, refAuthor: jsonRef, replyTo: jsonReply, ...jsonRest } = shape(original);
    expect(rest).toEqual(jsonRest);
    if (jsonRef !== undefined) expect(refAuthor).toBe(jsonRef);
    if (jsonReply !== undefined) expect(replyTo).toBe(jsonReply);
    expect(jsonKind === kind || (jsonKind === 'post' && kind === 'reply')).toBe(true);
    for (const ref of raw.referenced_tweets) {
      if (ref.type === 'quoted' && jsonRef === undefined) {
        const quoted = rawTweets.get(ref.id);
        expect(refAuthor).toBe(rawUsers.get(quoted.author_id).username);
      }
      if (ref.type === 'replied_to' && jsonReply === undefined) {
        const user = rawUsers.get(raw.in_reply_to_user_id);
        expect(replyTo).toBe(user ? user.username : /^@(\w+)/.exec(raw.text)![1]);
      }
    }
  }
  return namedMore;
}

describe('twarc-csv (twarc2 csv, API v2) on the real #BlackLivesMatter pages', () => {
  it('reads the collected tweets alone (--no-inline-referenced-tweets) like the JSON', () => {
    const csv = twarcCsvFromPages(pages, { inlineReferenced: false, usernames: true });
    const dataset = parsePosts(csv, 'tweets.csv');
    expect(dataset.platform).toBe('twitter');
    expect(dataset.warnings).toEqual([]);
    expect(dataset.posts.length).toBe(500);
    expect(new Set(dataset.posts.map((p) => p.author)).size).toBe(401);
    const kinds = countBy(dataset.posts, (p) => p.kind);
    const jsonKinds = countBy(fromJson.posts, (p) => p.kind);
    expect(kinds).toEqual(jsonKinds);
    expect(kinds.get('repost')).toBe(367);
    expect(kinds.get('quote')).toBe(18);
    expect(dataset.posts.filter((p) => p.replyTo !== undefined).length).toBe(35);
    // Post by post: same author, time, kind, who was reposted, quoted or replied to, mentions.
    expect(expectSameAsJson(dataset.posts)).toBe(0);
    expect(dataset.accounts.get(dataset.posts[0].author)?.location).toBe(
      fromJson.accounts.get(fromJson.posts[0].author)?.location,
    );
  });

  it('with referenced tweets inlined (the default), gives the JSON’s spread of the top hashtag', () => {
    const csv = twarcCsvFromPages(pages, { inlineReferenced: true, usernames: true });
    const dataset = parsePosts(csv, 'tweets.csv');
    // Every row is a post: the originals twarc-csv inlines cannot be told from collected tweets.
    const jsonAll = [...fromJson.referenced, ...fromJson.posts];
    expect(dataset.posts.length).toBe(jsonAll.length);
    expect(new Set(dataset.posts.map((p) => p.id))).toEqual(new Set(jsonAll.map((p) => p.id)));
    expect(expectSameAsJson(dataset.posts)).toBeGreaterThan(0);

    const top = hashtagCounts(fromJson)[0];
    expect(top.tag).toBe('blacklivesmatter');
    expect(hashtagCounts(dataset)[0]).toEqual(top);
    const a = recordedSpread(fromJson, top.tag);
    const b = recordedSpread(dataset, top.tag);
    expect(b.timeline.length).toBe(top.accounts);
    expect(finalReach(b.timeline)).toEqual(finalReach(a.timeline));
    const attribution = (spread: typeof a) =>
      [...spread.timeline.node].map((node, row) => {
        const via = spread.timeline.via[row];
        const ids = spread.payload.nodeIds;
        return `${ids[node]}<${via < 0 ? '' : ids[via]}`;
      });
    expect(new Set(attribution(b))).toEqual(new Set(attribution(a)));
    expectSpreadInvariants(b);
  });

  it('names referenced authors from their rows when the table has no *_username columns', () => {
    const csv = twarcCsvFromPages(pages, { inlineReferenced: true, usernames: false });
    const dataset = parsePosts(csv, 'old-twarc-csv.csv');
    expect(dataset.warnings).toEqual([]);
    expect(expectSameAsJson(dataset.posts)).toBeGreaterThan(0);
  });

  it('falls back to the user id, and says so, when no row names the referenced author', () => {
    const csv = twarcCsvFromPages(pages, { inlineReferenced: false, usernames: false });
    const dataset = parsePosts(csv, 'old-twarc-csv.csv');
    const reposts = dataset.posts.filter((p) => p.kind === 'repost');
    expect(reposts.length).toBe(367);
    const byId = reposts.filter((p) => /^\d+$/.test(p.refAuthor!));
    expect(byId.length).toBeGreaterThan(0);
    expect(dataset.warnings.join(' ')).toMatch(/named by user id only/);
  });

  it('reads quoted fields with commas, quotes and the escaped newlines twarc-csv writes', () => {
    const header =
      'id,conversation_id,referenced_tweets.replied_to.id,referenced_tweets.retweeted.id,' +
      'referenced_tweets.quoted.id,author_id,in_reply_to_user_id,retweeted_user_id,' +
      'quoted_user_id,created_at,text,entities.hashtags,entities.mentions,author.username,' +
      'author.name,author.location,geo.full_name';
    const rows = [
      '1,1,,,,10,,,,2021-06-01T10:00:00.000Z,"Uno, ""dos""\\ntres #Ñandú @bea",' +
        '"[""#Ñandú""]","[""@bea""]",ana,"Ana, la primera","Córdoba, Argentina",',
      '2,1,1,,,11,10,,,2021-06-01T10:05:00.000Z,@ana sí #ñandú,"[""#ñandú""]","[""@ana""]",' +
        'bea,Bea,,"Rosario, Argentina"',
    ];
    const dataset = parsePosts(`${header}\n${rows.join('\n')}\n`, 'small.csv');
    expect(dataset.posts.map((p) => `${p.author} ${p.kind} ${p.refAuthor ?? ''}`)).toEqual([
      'ana post ',
      'bea reply ana',
    ]);
    expect(dataset.posts[0].text).toBe('Uno, "dos"\ntres #Ñandú @bea');
    expect(dataset.posts[0].hashtags).toEqual(['ñandú']);
    expect(dataset.accounts.get('ana')).toMatchObject({
      name: 'Ana, la primera',
      location: 'Córdoba, Argentina',
      platformId: '10',
    });
    expect(dataset.posts[1].location).toBe('Rosario, Argentina');
    const spread = recordedSpread(dataset, 'ñandú');
    expect(finalReach(spread.timeline)).toMatchObject({ total: 2, hard: 1 });
  });
});
