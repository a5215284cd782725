import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatasets } from '../../../src/core/io/tables';
import { readDataset } from '../../../src/core/read-dataset';
import { NETWORK_FORMATS, POSTS_FORMATS, fileName } from '../../../src/ui/shell/formats';

const PUBLIC = path.resolve(__dirname, '../../../public');
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(PUBLIC, file)));

// What each example must come out as: the reader that must pick it up.
const NETWORK_FORMAT_OF: Record<string, string> = {
  csv: 'csv',
  tables: 'csv',
  matrix: 'adjacency-matrix',
  gexf: 'gexf',
  graphml: 'graphml',
  graphology: 'graphology-json',
  'node-link': 'd3-json',
  cytoscape: 'cytoscape-json',
  pajek: 'pajek',
};
const PLATFORM_OF: Record<string, string> = {
  'posts-csv': 'csv',
  'twitter-v2': 'twitter',
  'twitter-v1': 'twitter',
  'tweet-tables': 'twitter',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  cascade: 'cascade',
};

describe('the "What files can I use?" examples', () => {
  it('lists each format once, with an example file that exists', () => {
    const keys = [...NETWORK_FORMATS, ...POSTS_FORMATS].map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      [...Object.keys(NETWORK_FORMAT_OF), ...Object.keys(PLATFORM_OF)].sort(),
    );
    for (const format of [...NETWORK_FORMATS, ...POSTS_FORMATS]) {
      for (const example of format.examples) {
        expect(example, 'relative, so it works from a sub-path').not.toMatch(/^\//);
        expect(existsSync(path.join(PUBLIC, example)), example).toBe(true);
      }
    }
  });

  for (const format of NETWORK_FORMATS) {
    it(`opens the ${format.title} example as a network of that format`, () => {
      const files = format.examples.map((file) => ({ name: fileName(file), bytes: bytesOf(file) }));
      const payload =
        files.length === 1
          ? (() => {
              const result = readDataset(files[0].bytes, files[0].name);
              if (result.kind !== 'network') throw new Error(`${files[0].name} read as posts`);
              return result.payload;
            })()
          : parseDatasets(files);
      expect(payload.format).toBe(NETWORK_FORMAT_OF[format.key]);
      expect(payload.nodeIds.length).toBeGreaterThanOrEqual(3);
      expect(payload.edgeSources.length).toBeGreaterThanOrEqual(2);
      expect(payload.warnings).toEqual([]);
    });
  }

  for (const format of POSTS_FORMATS) {
    it(`opens the ${format.title} example as posts`, () => {
      const [file] = format.examples;
      const result = readDataset(bytesOf(file), fileName(file));
      if (result.kind !== 'posts') throw new Error(`${file} read as a network`);
      expect(result.posts.platform).toBe(PLATFORM_OF[format.key]);
      expect(result.posts.posts.length).toBeGreaterThanOrEqual(2);
      // A cascade tree's times are always derived, and it says so; nothing else may be reported.
      const notes = result.posts.warnings.filter(
        (w) => !/^times are the source tweet’s time/.test(w),
      );
      expect(notes).toEqual([]);
    });
  }

  it('marks the hard network in the edge-list example, as the dialog says', () => {
    const result = readDataset(bytesOf('examples/edges.csv'), 'edges.csv');
    if (result.kind !== 'network') throw new Error('edges.csv read as posts');
    expect(result.payload.edgeAttributes?.[0]?.kind).toBe('hard');
  });
});
