import { describe, expect, it } from 'vitest';
import { parsePosts } from '../../../src/core/posts/detect';
import type { PostsDataset } from '../../../src/core/posts/post';
import { recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { isTweetCsv } from '../../../src/core/posts/tweet-csv';
import { hashtagsInText, listCell, mentionsInText } from '../../../src/core/posts/tweet-table';
import { readDataset } from '../../../src/core/read-dataset';
import { finalReach } from '../../../src/core/spread/metrics';
import { expectSpreadInvariants, FIXTURES, load, readText } from './helpers';
import { csvLine } from './tweet-csv-writers';

/** "author<via" per adoption, in time order; via is empty for the origin and for outside. */
function attribution(dataset: PostsDataset, tag: string): string[] {
  const spread = recordedSpread(dataset, tag);
  expectSpreadInvariants(spread);
  const ids = spread.payload.nodeIds;
  return [...spread.timeline.node].map((node, row) => {
    const via = spread.timeline.via[row];
    return `${ids[node]}<${via < 0 ? '' : ids[via]}`;
  });
}

const summary = (dataset: PostsDataset) =>
  dataset.posts.map((p) => `${p.id} ${p.author} ${p.kind} ${p.refAuthor ?? ''}`);

describe('TAGS (Twitter Archiving Google Sheet) CSV', () => {
  const dataset = load(FIXTURES, 'tags.csv');

  it('reads retweets from "RT @", quotes from permalinks, replies, and ids from status URLs', () => {
    expect(dataset.platform).toBe('twitter');
    expect(dataset.warnings).toEqual([]);
    expect(summary(dataset)).toEqual([
      '1001 amina post ',
      '1002 binta repost amina',
      '1003 chloe reply amina',
      '1004 dario quote chloe',
      '1005 emeka post ',
      '1006 fatou post ',
      '1007 gaspard repost emeka',
      '1008 hana post ',
      '1009 amina post ',
      '1010 ivan reply hana',
      '1011 ivan reply hana',
      // id_str turned into "1.01200E+03" by a spreadsheet: the status URL still has the id.
      '1012 julia post ',
    ]);
    // "Wed Mar 08 08:00:00 +0000 2023", not the sheet's own `time` column.
    expect(dataset.posts[0].time).toBe(Date.UTC(2023, 2, 8, 8, 0));
    expect(dataset.accounts.get('amina')).toMatchObject({
      location: 'Dakar, Sénégal',
      platformId: '11',
    });
    expect(dataset.accounts.get('hana')?.location).toBe('القاهرة');
  });

  it('takes hashtags and mentions from entities_str and from the text, Unicode-aware', () => {
    const byId = new Map(dataset.posts.map((p) => [p.id, p]));
    expect(byId.get('1001')).toMatchObject({
      hashtags: ['égalitésalariale'],
      mentions: ['binta', 'chloe'],
    });
    expect(byId.get('1002')?.mentions).toEqual([]); // a retweet's mentions are the original's acts
    expect(byId.get('1004')?.mentions).toEqual(['fatou']);
    // No entities_str: read from the text, across the line break inside the quoted cell.
    expect(byId.get('1005')?.text).toContain('ici,\nmais');
    expect(byId.get('1005')?.hashtags).toEqual(['égalitésalariale']);
    expect(byId.get('1008')?.hashtags).toEqual(['مصر', 'égalitésalariale']);
    // "#ÉgalitéSala…" was cut by the retweet: the original's tags count (found by author and text).
    expect(byId.get('1007')?.hashtags).toEqual(['égalitésalariale']);
    // An e-mail address is no mention, a URL fragment no hashtag.
    expect(byId.get('1012')).toMatchObject({ hashtags: [], mentions: [] });
  });

  it('attributes each adoption of #ÉgalitéSalariale by the documented rule (worked by hand)', () => {
    // amina starts; binta retweets her, chloe replies to her (hard); dario quotes chloe; fatou,
    // mentioned by dario, posts (soft, via the mention); emeka posts unprompted (outside); gaspard
    // retweets emeka (soft); hana posts unprompted (outside); ivan replies to hana with the tag
    // (soft; his first reply had no tag). julia's "#" is in a URL: she never adopts.
    expect(attribution(dataset, 'égalitésalariale')).toEqual([
      'amina<',
      'binta<amina',
      'chloe<amina',
      'dario<chloe',
      'emeka<',
      'fatou<dario',
      'gaspard<emeka',
      'hana<',
      'ivan<hana',
    ]);
    const spread = recordedSpread(dataset, 'égalitésalariale');
    expect(finalReach(spread.timeline)).toEqual({
      total: 9,
      origin: 1,
      hard: 2,
      soft: 4,
      outside: 2,
    });
  });

  it('says so when entities_str is not JSON, and reads the text instead', () => {
    const text = readText(FIXTURES, 'tags.csv').replace(
      /"\{""hashtags"": \[\], ""symbols"": \[\][^\r\n]*\}"/,
      'not json',
    );
    const broken = parsePosts(text, 'tags.csv');
    expect(broken.warnings).toEqual([
      '1 row(s) had an entities_str that is not JSON: read their hashtags and mentions from the text',
    ]);
    expect(broken.posts.length).toBe(12);
  });
});

describe('twarc json2csv (API v1.1) CSV', () => {
  const text = readText(FIXTURES, 'twarc-json2csv.csv');
  const dataset = parsePosts(text, 'twarc-json2csv.csv');

  it('reads tweet_type, the retweeted or quoted author, replies, places and profiles', () => {
    expect(dataset.platform).toBe('twitter');
    expect(dataset.warnings).toEqual([]);
    expect(summary(dataset)).toEqual([
      '2001 lucia post ',
      '2002 marta repost lucia',
      '2003 nora reply lucia',
      '2004 olga quote nora',
      '2005 paula post ',
      '2006 quique repost lucia',
      '2007 rosa quote olga', // tweet_type "reply" that quotes: a quote that also replies
      '2008 sofia post ',
      '2009 tomas repost ursula',
      '2010 lucia post ',
    ]);
    const byId = new Map(dataset.posts.map((p) => [p.id, p]));
    expect(byId.get('2007')?.replyTo).toBe('paula');
    expect(byId.get('2001')?.location).toBe('Buenos Aires, Argentina');
    expect(byId.get('2004')?.text).toBe(
      'Así se hace, "compañeras" #NiUnaMenos\n@paula mirá esto https://t.co/x',
    );
    expect(byId.get('2004')?.mentions).toEqual(['paula']);
    expect(dataset.accounts.get('nora')).toMatchObject({
      name: 'Nora, "la profe"',
      location: 'La Plata',
      platformId: '33',
    });
    // Empty created_at: parsed_created_at "2019-06-03 10:35:00+00:00" is read instead.
    expect(byId.get('2008')?.time).toBe(Date.UTC(2019, 5, 3, 10, 35));
    // quique's truncated retweet has no hashtags of its own: lucia's original (2001) gives them.
    expect(byId.get('2006')?.hashtags).toEqual(['niunamenos']);
  });

  it('attributes each adoption of #NiUnaMenos by the documented rule (worked by hand)', () => {
    // lucia starts; marta retweets, nora replies, quique retweets her (hard); olga quotes nora and
    // mentions paula, who then posts (soft); rosa quotes olga (soft); sofia posts unprompted and
    // tomas retweets ursula, who is not in the file (outside).
    const expected = [
      'lucia<',
      'marta<lucia',
      'nora<lucia',
      'olga<nora',
      'paula<olga',
      'quique<lucia',
      'rosa<olga',
      'sofia<',
      'tomas<',
    ];
    expect(attribution(dataset, 'niunamenos')).toEqual(expected);
    expect(finalReach(recordedSpread(dataset, 'niunamenos').timeline)).toEqual({
      total: 9,
      origin: 1,
      hard: 3,
      soft: 3,
      outside: 2,
    });
  });

  it('reads the first json2csv columns (reweet_id, retweet_screen_name, no tweet_type) alike', () => {
    const lines = text.trimEnd().split('\n');
    const header = lines[0]
      .split(',')
      .map((name) =>
        name === 'retweet_or_quote_id'
          ? 'reweet_id'
          : name === 'retweet_or_quote_screen_name'
            ? 'retweet_screen_name'
            : name === 'tweet_type'
              ? 'old_tweet_type'
              : name,
      );
    const old = parsePosts([header.join(','), ...lines.slice(1)].join('\n'), 'old.csv');
    expect(summary(old)).toEqual(summary(dataset));
  });
});

describe('telling tweet tables from other CSV', () => {
  it('leaves a Gephi edge table and a plain node table to the network reader', () => {
    const edges =
      'Source,Target,Type,Id,Label,Weight\nana,bea,Directed,0,,1\nbea,cai,Directed,1,,2\n';
    expect(isTweetCsv(edges)).toBe(false);
    const result = readDataset(new TextEncoder().encode(edges), 'edges.csv');
    expect(result.kind).toBe('network');
    const nodes = 'Id,Label,text,created_at\nana,Ana,hello,2020\n';
    expect(isTweetCsv(nodes)).toBe(false);
  });

  it('routes each tweet table to the posts reader, also with a byte-order mark', () => {
    for (const file of ['tags.csv', 'twarc-json2csv.csv']) {
      const bytes = new TextEncoder().encode(`\uFEFF${readText(FIXTURES, file)}`);
      const result = readDataset(bytes, file);
      expect(result.kind).toBe('posts');
      if (result.kind === 'posts') expect(result.posts.platform).toBe('twitter');
    }
  });

  it('reads a twarc-csv table dropped as a file', () => {
    const header = 'id,conversation_id,referenced_tweets.retweeted.id,author_id,created_at,text';
    const row = csvLine(['5', '5', '', '9', '2021-01-01T00:00:00.000Z', 'hi #a, all']);
    const result = readDataset(new TextEncoder().encode(`${header}\n${row}\n`), 'x.csv');
    expect(result.kind).toBe('posts');
    if (result.kind === 'posts') expect(result.posts.posts[0].hashtags).toEqual(['a']);
  });
});

describe('text entities', () => {
  it('finds Unicode hashtags, skips cut-off ones, URL fragments and numbers', () => {
    expect(hashtagsInText('#한국 #café #مصر #vote2024 #2024 x#no https://a.b/#frag #cut…')).toEqual(
      ['한국', 'café', 'مصر', 'vote2024'],
    );
  });

  it('finds handles but not e-mail addresses', () => {
    expect(mentionsInText('RT @ana: hi @bea_2, mail ana@example.com (@cai)')).toEqual([
      'ana',
      'bea_2',
      'cai',
    ]);
  });

  it('reads lists written as JSON, Python or words', () => {
    expect(listCell('["#a", "#B"]', '#')).toEqual(['a', 'B']);
    expect(listCell("['@x', '@y']", '@')).toEqual(['x', 'y']);
    expect(listCell('a b c', '#')).toEqual(['a', 'b', 'c']);
  });
});
