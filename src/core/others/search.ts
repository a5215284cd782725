import MiniSearch, { type SearchResult } from 'minisearch';
import type { AttributeValue, DatasetPayload } from '../io/payload';
import { foldText } from './text';

/** One person a search found, and why. */
export interface SearchHit {
  node: number;
  label: string;
  /** What matched, in words: "location: Lyon, France", "#yourturn"; empty when the label did. */
  detail: string;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Everyone who matched (hits may stop at a limit): what "highlight all matches" lights up. */
  nodes: number[];
  /** No exact or prefix match: these are close spellings. */
  fuzzy: boolean;
}

export interface PeopleSearch {
  search(query: string, limit?: number): SearchResults;
}

interface PersonDocument {
  id: number;
  label: string;
  values: string;
  tags: string;
}

/** Attributes that are drawing or bookkeeping, never what a person searches for. */
const SKIPPED = new Set(['label', 'x', 'y', 'size', 'color', 'origin', 'firstAdoption', 'posts']);

/** Typos allowed per word: none in short words, one in 3–4 letters, two (a swap) from 5 letters. */
function typosAllowed(term: string): number | false {
  if (term.length < 3) return false;
  return term.length < 5 ? 1 : 2;
}

/**
 * The searchable words of each person: label, every string attribute (handles, names, places,
 * classes, servers) and, for posts datasets, the hashtags they used. Built once per dataset.
 * `tagsOfNode[i]` lists person i's hashtags (without '#').
 */
export function buildPeopleSearch(
  payload: DatasetPayload,
  tagsOfNode: readonly (readonly string[] | undefined)[] = [],
): PeopleSearch {
  const labels = payload.nodeIds.map((id, i) => {
    const label = payload.nodeAttributes[i].label;
    return typeof label === 'string' && label !== '' ? label : id;
  });
  const index = new MiniSearch<PersonDocument>({
    fields: ['label', 'values', 'tags'],
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { label: 3, tags: 1.5 },
      prefix: (term) => term.length >= 2,
      combineWith: 'AND',
    },
  });
  index.addAll(
    payload.nodeIds.map((id, i) => ({
      id: i,
      label: labels[i] === id ? id : `${labels[i]} ${id}`,
      values: searchableValues(payload.nodeAttributes[i]).join(' \n '),
      tags: (tagsOfNode[i] ?? []).join(' '),
    })),
  );

  const describe = (result: SearchResult): SearchHit => {
    const node = result.id as number;
    const terms = result.terms.map(foldText);
    return { node, label: labels[node], detail: matchedDetail(payload, node, terms, tagsOfNode) };
  };

  return {
    search(query, limit = 20) {
      const words = query.trim();
      if (words === '') return { hits: [], nodes: [], fuzzy: false };
      let results = index.search(words);
      let fuzzy = false;
      if (results.length === 0) {
        results = index.search(words, { fuzzy: typosAllowed });
        fuzzy = results.length > 0;
      }
      return {
        hits: results.slice(0, limit).map(describe),
        nodes: results.map((result) => result.id as number),
        fuzzy,
      };
    },
  };
}

function searchableValues(attributes: Record<string, AttributeValue>): string[] {
  const values: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (SKIPPED.has(key)) continue;
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value))
      for (const item of value) if (typeof item === 'string') values.push(item);
  }
  return values;
}

/** The first attribute (or hashtag) holding one of the matched words, for the result list. */
function matchedDetail(
  payload: DatasetPayload,
  node: number,
  terms: string[],
  tagsOfNode: readonly (readonly string[] | undefined)[],
): string {
  const has = (text: string) => {
    const folded = foldText(text);
    return terms.some((term) => folded.includes(term));
  };
  const attributes = payload.nodeAttributes[node];
  const label = attributes.label;
  if (has(typeof label === 'string' ? label : payload.nodeIds[node])) return '';
  for (const [key, value] of Object.entries(attributes)) {
    if (SKIPPED.has(key)) continue;
    const texts = Array.isArray(value) ? value.map(String) : [String(value)];
    const hit = texts.find(has);
    if (typeof value !== 'number' && hit !== undefined) return `${key}: ${hit}`;
  }
  const tag = (tagsOfNode[node] ?? []).find(has);
  return tag === undefined ? '' : `#${tag}`;
}

/** Per person, the hashtags of their posts (lower case, no '#'), for `buildPeopleSearch`. */
export function hashtagsByPerson(
  nodeIds: readonly string[],
  posts: readonly { author: string; hashtags: readonly string[] }[],
): string[][] {
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const tags = nodeIds.map(() => new Set<string>());
  for (const post of posts) {
    const node = index.get(post.author);
    if (node !== undefined) for (const tag of post.hashtags) tags[node].add(tag);
  }
  return tags.map((set) => [...set]);
}
