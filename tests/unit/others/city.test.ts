import { describe, expect, it } from 'vitest';
import { normalizeCity } from '../../../src/core/others/city';
import { findGroupings } from '../../../src/core/others/groups';
import { parsePosts } from '../../../src/core/posts/detect';
import { recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { payloadFromPairs } from '../helpers/payload';
import { POSTS, readText } from '../posts/helpers';

const key = (location: string) => normalizeCity(location)?.key ?? null;

describe('normalizeCity', () => {
  it('groups spellings of one city together', () => {
    expect(key('Portland, OR')).toBe('portland');
    expect(key('portland')).toBe('portland');
    expect(key('  PORTLAND 🌲 ')).toBe('portland');
    expect(key('São Paulo, Brasil')).toBe('sao paulo');
    expect(key('Sao Paulo')).toBe('sao paulo');
    expect(key('NYC')).toBe('new york');
    expect(key('New York, NY')).toBe('new york');
    expect(key('Rome')).toBe(key('Roma, Lazio'));
  });

  it('keeps the words as written for display', () => {
    expect(normalizeCity('São Paulo, Brasil')?.name).toBe('São Paulo');
    expect(normalizeCity('Milano, Lombardia #Felicizia')?.name).toBe('Milano');
  });

  it('reads real profile locations (twarc sample)', () => {
    expect(key('Washington, DC')).toBe('washington');
    expect(key('London, England')).toBe(key('London'));
    expect(key('Los Angeles, CA')).toBe('los angeles');
    expect(key('Italy - Bologna')).toBe('italy');
    expect(key('Seoul, Republic of Korea')).toBe(key('Seoul, Korea'));
  });

  it('refuses what names no place', () => {
    for (const text of [
      '',
      '   ',
      'she/her',
      'she/her. 33y/o. USA.',
      'Earth',
      'https://x.org',
      '🌈✨',
    ])
      expect(key(text)).toBeNull();
  });
});

describe('derived groupings', () => {
  it('adds a city grouping from free-text locations, and instances beyond 50 servers', () => {
    const attributes: Record<string, Record<string, string>> = {
      a: { location: 'Portland, OR', instance: 'mastodon.social' },
      b: { location: 'portland', instance: 'Mastodon.social' },
      c: { location: 'Lyon', instance: 'piaille.fr' },
      d: { location: 'Lyon, France', instance: 'piaille.fr' },
      e: { location: 'she/her', instance: 'lonely.example' },
    };
    for (let i = 0; i < 60; i++) attributes[`x${i}`] = { instance: `server${i}.example` };
    const payload = payloadFromPairs([['a', 'b']], { attributes });
    const groupings = findGroupings(payload);
    const city = groupings.find((g) => g.attribute === 'city')!;
    expect(city.values).toEqual(['Lyon', 'Portland']);
    expect(city.counts).toEqual([2, 2]);
    expect(city.groupOfNode[payload.nodeIds.indexOf('e')]).toBe(-1);
    const instance = groupings.find((g) => g.attribute === 'instance')!;
    expect(instance.values).toEqual(['mastodon.social', 'piaille.fr']);
  });

  it('finds cities in a real tweet collection', () => {
    const posts = parsePosts(readText(POSTS, 'twarc-network_tweets.jsonl'), 'tweets.jsonl');
    const { payload } = recordedSpread(posts, null);
    const city = findGroupings(payload).find((g) => g.attribute === 'city');
    expect(city).toBeDefined();
    expect(city!.values.length).toBeGreaterThan(3);
    expect(new Set(city!.values.map((v) => v.toLowerCase())).size).toBe(city!.values.length);
  });
});
