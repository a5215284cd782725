import { describe, expect, it } from 'vitest';
import { parsePosts } from '../../../src/core/posts/detect';
import { recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { finalReach } from '../../../src/core/spread/metrics';
import { expectSpreadInvariants, FIXTURES, load, rejection } from './helpers';

describe('minimal CSV (time,user,via,kind,text,location)', () => {
  it('reads rows, ISO and Unix times, hashtags and mentions from the text', () => {
    const dataset = load(FIXTURES, 'minimal.csv');
    expect(dataset.platform).toBe('csv');
    expect(dataset.posts.map((p) => `${p.author} ${p.kind} ${p.refAuthor ?? ''}`)).toEqual([
      'ana post ',
      'bea repost ana',
      'carla reply bea',
      'dani post ',
      'ana post ',
    ]);
    // Unix seconds and milliseconds both land on the same clock as the ISO rows.
    expect(dataset.posts[2].time).toBe(Date.parse('2024-03-08T10:00:00Z'));
    expect(dataset.posts[3].time).toBe(Date.parse('2024-03-08T11:00:00Z'));
    expect(dataset.posts[0].mentions).toEqual(['bea']);
    expect(dataset.posts[2].hashtags).toEqual(['8m']);
    expect(dataset.accounts.get('carla')?.location).toBe('Valencia');
  });

  it('replays #8m: bea reposts ana (hard), carla replies to bea (soft), dani from outside', () => {
    const spread = recordedSpread(load(FIXTURES, 'minimal.csv'), '8m');
    expect(finalReach(spread.timeline)).toEqual({
      total: 4,
      origin: 1,
      hard: 1,
      soft: 1,
      outside: 1,
    });
    expectSpreadInvariants(spread);
  });

  it('reports rows whose kind and via disagree, and refuses unknown kinds', () => {
    const text =
      'user;time;kind;via\nana;2024-01-01T00:00:00Z;repost;\nbea;2024-01-01T01:00:00Z;;ana\n';
    const dataset = parsePosts(text, 'semi.csv');
    expect(dataset.posts.map((p) => p.kind)).toEqual(['post', 'repost']);
    expect(dataset.warnings).toEqual(['1 row(s) gave a kind but no via: read as posts']);
    const bad = 'time,user,kind\n2024-01-01T00:00:00Z,ana,like\n';
    expect(rejection(bad, 'bad.csv').message).toMatch(/^bad\.csv: line 2: kind "like"/);
  });
});
