import { describe, expect, it } from 'vitest';
import { hashtagCounts, recordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { finalReach } from '../../../src/core/spread/metrics';
import { CASCADES, expectSpreadInvariants, FIXTURES, load, readText, rejection } from './helpers';

/** The tree lines read with plain string work, independently of the adapter. */
function rawTree(file: string) {
  const lines = [
    ...new Set(
      readText(CASCADES, file)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const tuple = (side: string) => side.replace(/[[\]' ]/g, '').split(',');
  const parentsOf = new Map<string, Set<string>>();
  let root = '';
  for (const line of lines) {
    const [parent, child] = line.split('->').map(tuple);
    const key = child.join('|');
    if (parent[0] === 'ROOT') root = key;
    else {
      const set = parentsOf.get(key) ?? new Set<string>();
      if (parent[0] !== child[0]) set.add(parent.join('|'));
      parentsOf.set(key, set);
    }
  }
  const nodes = new Set([root, ...parentsOf.keys()]);
  const uids = new Set([...nodes].map((k) => k.split('|')[0]));
  const severalParents = [...parentsOf.values()].filter((s) => s.size > 1).length;
  return {
    nodes,
    uids,
    severalParents,
    root,
    duplicates: readText(CASCADES, file).trim().split('\n').length - lines.length,
  };
}

describe('Twitter15/16 cascade trees', () => {
  for (const file of [
    'twitter15_tree_534445263528947712.txt',
    'twitter15_tree_552112474913136641.txt',
  ]) {
    it(`reads ${file}: one post per tree node, quirks repaired and counted`, () => {
      const raw = rawTree(file);
      const dataset = load(CASCADES, file);
      expect(dataset.platform).toBe('cascade');
      expect(dataset.posts.length).toBe(raw.nodes.size);
      expect(dataset.accounts.size).toBe(raw.uids.size);
      expect(hashtagCounts(dataset)).toEqual([]);
      const warnings = dataset.warnings.join('\n');
      expect(warnings).toContain(`${raw.severalParents} node(s) had several parents`);
      expect(warnings).toContain(`${raw.duplicates} line(s) were exact repeats`);
      // The source's time comes from its tweet id: Twitter's snowflake layout, ms since 2010-11-04.
      const source = dataset.posts.find((p) => p.id === raw.root)!;
      const sourceId = BigInt(raw.root.split('|')[1]);
      expect(source.time).toBe(Number((sourceId >> 22n) + 1288834974657n));
      expect(new Date(source.time).getUTCFullYear()).toBeGreaterThanOrEqual(2014);

      // With no hashtag, every post is the story: everyone in the tree adopts it.
      const spread = recordedSpread(dataset, null);
      expect(spread.timeline.length).toBe(raw.uids.size);
      expect(spread.payload.nodeIds[spread.origin]).toBe(raw.root.split('|')[0]);
      const reach = finalReach(spread.timeline);
      expect(reach.outside).toBe(0); // every node has a parent in these two trees
      expect(reach.origin + reach.hard + reach.soft).toBe(raw.uids.size);
      expectSpreadInvariants(spread);
    });
  }

  it('repairs self-loops, several parents and children timed before their parents (worked by hand)', () => {
    const dataset = load(FIXTURES, 'twitter15-quirks.txt');
    expect(dataset.warnings).toEqual([
      'times are the source tweet’s time (read from its id) plus each line’s delay in minutes',
      '1 self-loop(s) (an account as its own parent): ignored',
      '1 node(s) had several parents: kept the latest one timed before them',
      '1 node(s) were timed before every parent listed: attributed to the source’s author',
    ]);
    const spread = recordedSpread(dataset, null);
    const { nodeIds } = spread.payload;
    const rows = [...spread.timeline.node].map((node, row) => {
      const via = spread.timeline.via[row];
      return `${nodeIds[node]}<${via < 0 ? '' : nodeIds[via]}`;
    });
    // 3 had parents 1 (0.0) and 2 (1.5): the later one; 5 (3.0) was listed under 4 (9.0): source.
    expect(rows).toEqual(['1<', '2<1', '3<2', '5<1', '4<1']);
    expect(spread.timeline.time[1] - spread.timeline.time[0]).toBe(1.5 * 60_000);
    expect(finalReach(spread.timeline)).toEqual({
      total: 5,
      origin: 1,
      hard: 3,
      soft: 1,
      outside: 0,
    });
    expectSpreadInvariants(spread);
  });

  it('says what a label file is instead of failing vaguely', () => {
    const error = rejection(readText(CASCADES, 'twitter15_label.txt'), 'twitter15_label.txt');
    expect(error.message).toMatch(/label file .*open one of the tree files/);
  });

  it('names the line of a broken tree', () => {
    const text =
      "['ROOT', 'ROOT', '0.0']->['1', '500000000000000000', '0.0']\n['1', '5', '0.0']->garbage\n";
    expect(rejection(text, 'tree.txt').message).toMatch(/^tree\.txt: line 2: expected a tree line/);
  });
});
