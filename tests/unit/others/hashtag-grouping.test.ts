import { describe, expect, it } from 'vitest';
import { hashtagGrouping } from '../../../src/core/others/hashtag-grouping';
import { parsePosts } from '../../../src/core/posts/detect';
import { recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { POSTS, readText } from '../posts/helpers';

const post = (author: string, time: number, ...hashtags: string[]) => ({ author, time, hashtags });

describe('hashtagGrouping', () => {
  it('puts each person in the hashtag they used most, the earliest on a tie', () => {
    const grouping = hashtagGrouping(
      ['ann', 'bob', 'cat', 'dan', 'eve'],
      [
        post('ann', 1, 'yourturn'),
        post('ann', 2, 'yourturn', 'lyon'),
        post('bob', 5, 'lyon'),
        post('bob', 3, 'yourturn'), // a tie at one use each: the earlier wins
        post('cat', 1, 'lyon'),
        post('cat', 2, 'lyon', 'yourturn'),
        post('dan', 1, 'solo'), // a group of one is no group
        post('eve', 4, 'lyon'),
        post('nobody', 1, 'lyon'), // not in the network
      ],
    )!;
    expect(grouping.attribute).toBe('hashtag');
    // Two of each, then by name; #solo has one member (dan), which is no group.
    expect(grouping.values).toEqual(['#lyon', '#yourturn']);
    expect(grouping.counts).toEqual([2, 2]);
    expect([...grouping.groupOfNode]).toEqual([1, 1, 0, -1, 0]);
  });

  it('groups a real tweet collection by hashtag', () => {
    const posts = parsePosts(readText(POSTS, 'twarc-network_tweets.jsonl'), 'tweets.jsonl');
    const { payload } = recordedSpread(posts, null);
    const grouping = hashtagGrouping(payload.nodeIds, posts.posts)!;
    expect(grouping.values.length).toBeGreaterThan(1);
    expect(grouping.values.every((v) => v.startsWith('#'))).toBe(true);
    // Groups are disjoint and counted right.
    const counted = grouping.values.map(
      (_, g) => grouping.groupOfNode.filter((x) => x === g).length,
    );
    expect(counted).toEqual(grouping.counts);
    for (let g = 1; g < grouping.counts.length; g++)
      expect(grouping.counts[g]).toBeLessThanOrEqual(grouping.counts[g - 1]);
  });
});
