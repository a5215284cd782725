import { describe, expect, it } from 'vitest';
import { loadDataset, rejection, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';

describe('labelled adjacency matrix', () => {
  it('reads a symmetric matrix (pandas/R style, blank corner) as a weighted undirected graph', () => {
    const p = parseDataset(text(',a,b,c\na,0,2,0\nb,2,0,1.5\nc,0,1.5,1\n'), 'm.csv');
    expect(p.format).toBe('adjacency-matrix');
    expect(p.nodeIds).toEqual(['a', 'b', 'c']);
    expect(p.directed).toBe(false);
    const pairs = Array.from(p.edgeSources, (s, e) => [
      p.nodeIds[s],
      p.nodeIds[p.edgeTargets[e]],
      p.edgeWeights[e],
    ]);
    expect(pairs).toEqual([
      ['a', 'b', 2],
      ['b', 'c', 1.5],
      ['c', 'c', 1],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('reads an asymmetric matrix as directed, with a named corner and quoted labels', () => {
    const p = parseDataset(text('"",“x”,"y, z"\n“x”,0,1\n"y, z",,0\n'), 'd.csv');
    expect(p.nodeIds).toEqual(['“x”', 'y, z']);
    expect(p.directed).toBe(true);
    expect(Array.from(p.edgeSources)).toEqual([0]);
    expect(Array.from(p.edgeTargets)).toEqual([1]);
    const named = parseDataset(text('node;p;q\np;0;1\nq;1;0\n'), 'n.csv');
    expect(named.nodeIds).toEqual(['p', 'q']);
    expect(named.edgeSources).toHaveLength(1);
  });

  it('reads a whitespace matrix whose header has no corner cell', () => {
    const p = parseDataset(text('a b c\na 0 1 0\nb 0 0 1\nc 1 0 0\n'), 'w.txt');
    expect(p.format).toBe('adjacency-matrix');
    expect(p.directed).toBe(true);
    expect(p.edgeSources).toHaveLength(3);
  });

  it('keeps edge lists and node tables what they were', () => {
    expect(parseDataset(text('1 2\n2 3\n3 1\n'), 'e.txt').format).toBe('edge-list');
    expect(parseDataset(text('a b\nb c\nc a\n'), 'e.txt').format).toBe('edge-list');
    expect(parseDataset(text('Id,Label\n1,Label\n'), 'n.csv').format).toBe('csv');
    expect(loadDataset('csv/snap_p2p-Gnutella31.txt').format).toBe('edge-list');
  });

  it('refuses a matrix that is not square or whose labels disagree, naming the line', () => {
    expect(rejection(text(',a,b\na,0,1\nb,1,0\nc,1,1\n'), 'r.csv').message).toMatch(
      /^r\.csv: line 4: the matrix has 2 columns but more rows/,
    );
    expect(rejection(text(',a,b,c\na,0,1,1\nb,1,0,0\n'), 's.csv').message).toMatch(/only 2 rows/);
    expect(rejection(text(',a,b,c\na,0,1,1\nb,1,0,0\nd,0,0,0\n'), 't.csv').message).toMatch(
      /^t\.csv: line 4: row label "d" should be "c"/,
    );
    expect(rejection(text(',a,b,c\na,0,1,1\nb,1,0,0\nc,x,0,0\n'), 'u.csv').message).toMatch(
      /line 4: "x" in the column of "a" is not a number/,
    );
  });
});
