import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/core/io/errors';
import { readDataset } from '../../src/core/read-dataset';

const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
const read = (file: string) => new Uint8Array(readFileSync(path.join(DATASETS, file)));

describe('readDataset', () => {
  it('reads networks as networks', () => {
    const result = readDataset(read('gexf/gephi_les-miserables.gexf'), 'les-miserables.gexf');
    expect(result.kind).toBe('network');
    if (result.kind === 'network') expect(result.payload.nodeIds.length).toBe(77);
  });

  it('reads post collections as posts, gzipped or not', () => {
    const bytes = read('posts/twarc-network_tweets.jsonl');
    for (const input of [bytes, gzipSync(bytes)]) {
      const result = readDataset(input, 'tweets.jsonl');
      expect(result.kind).toBe('posts');
      if (result.kind === 'posts') expect(result.posts.posts.length).toBe(500);
    }
    expect(
      readDataset(read('cascades/twitter15_tree_534445263528947712.txt'), 'tree.txt').kind,
    ).toBe('posts');
    expect(readDataset(read('posts/bskyr_searchPosts.json'), 'search.json').kind).toBe('posts');
  });

  it('explains an account list rather than listing network shapes', () => {
    const file = 'rtoot_mastodon-social_reblogged_by_109294719267373593.json';
    expect(() => readDataset(read(`posts/${file}`), file)).toThrow(/list of accounts/);
  });

  it('gives the network reader’s message for JSON that is neither', () => {
    const bytes = new TextEncoder().encode('{"hello": [1, 2, 3]}');
    let error: unknown;
    try {
      readDataset(bytes, 'odd.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toMatch(/^odd\.json: /);
    expect((error as Error).message).toMatch(/graphology/i);
  });
});
