import { describe, expect, it } from 'vitest';
import { buildPeopleSearch, hashtagsByPerson } from '../../../src/core/others/search';
import { payloadFromPairs } from '../helpers/payload';

const payload = payloadFromPairs(
  [
    ['1', '2'],
    ['2', '3'],
    ['3', '4'],
  ],
  {
    attributes: {
      '1': { label: 'Sylvia', class: 'MP', city: 'Lyon' },
      '2': { label: 'Élodie Marchand', class: 'PC', city: 'Lyon' },
      '3': { label: '@jean@mastodon.social', name: 'Jean Valjean', location: 'Saint-Étienne' },
      '4': { label: 'Student 4', class: 'MP', city: 'Paris', age: 17 },
    },
  },
);

describe('buildPeopleSearch', () => {
  const people = buildPeopleSearch(payload, [['yourturn'], [], ['rstats'], []]);
  const found = (query: string) => people.search(query).hits.map((hit) => hit.label);

  it('finds a label, with a typo (swapped letters) and in any case', () => {
    expect(found('sylvia')).toEqual(['Sylvia']);
    expect(found('SYLVAI')).toEqual(['Sylvia']);
    expect(people.search('sylvai').fuzzy).toBe(true);
    expect(found('silvia')).toEqual(['Sylvia']);
  });

  it('forgives accents both ways', () => {
    expect(found('elodie')).toEqual(['Élodie Marchand']);
    expect(found('Élodie')).toEqual(['Élodie Marchand']);
    expect(found('saint etienne')).toEqual(['@jean@mastodon.social']);
  });

  it('searches attributes and says what matched', () => {
    const lyon = people.search('lyon');
    expect(lyon.nodes.sort()).toEqual([0, 1]);
    expect(lyon.hits[0].detail).toBe('city: Lyon');
    expect(found('valjean')).toEqual(['@jean@mastodon.social']);
    expect(people.search('valjean').hits[0].detail).toBe('name: Jean Valjean');
    expect(found('mastodon')).toEqual(['@jean@mastodon.social']);
  });

  it('matches prefixes, and every word of a query', () => {
    expect(found('marc')).toEqual(['Élodie Marchand']);
    expect(people.search('mp').nodes.sort()).toEqual([0, 3]);
    expect(found('mp paris')).toEqual(['Student 4']);
  });

  it('prefers exact matches over close spellings in "highlight all"', () => {
    // "Paris" exactly: not "PC" people, not anyone fuzzy.
    expect(people.search('paris').nodes).toEqual([3]);
  });

  it('finds people by the hashtags they used', () => {
    expect(found('#YourTurn')).toEqual(['Sylvia']);
    expect(people.search('rstats').hits[0].detail).toBe('#rstats');
  });

  it('leaves out numbers and returns nothing for an empty query', () => {
    expect(found('17')).toEqual([]);
    expect(people.search('  ').hits).toEqual([]);
  });
});

describe('hashtagsByPerson', () => {
  it('collects each author’s hashtags once', () => {
    const tags = hashtagsByPerson(
      ['a', 'b'],
      [
        { author: 'a', hashtags: ['x', 'y'] },
        { author: 'a', hashtags: ['x'] },
        { author: 'c', hashtags: ['z'] },
      ],
    );
    expect(tags).toEqual([['x', 'y'], []]);
  });
});
