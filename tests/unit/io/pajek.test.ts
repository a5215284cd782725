import { describe, expect, it } from 'vitest';
import { rejection, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';
import { sniff } from '../../../src/core/io/sniff';

const KITE = `% a comment before anything
*Network "Kite"
*Vertices 4
1 "Andre Beverly" 0.1 0.2 0.5
2 "Carol" 0.3 0.4
3 Diane
*Arcs
1 2 2.5
2 3
*Edges
3 4 1
`;

describe('Pajek .net', () => {
  it('is sniffed from content, whatever the name', () => {
    expect(sniff(text(KITE)).kind).toBe('pajek');
    expect(sniff(text('*vertices 2\n')).kind).toBe('pajek');
    expect(parseDataset(text(KITE), 'kite.txt').format).toBe('pajek');
  });

  it('reads vertices with quoted labels and coordinates, arcs and edges (mixed)', () => {
    const p = parseDataset(text(KITE), 'kite.net');
    expect(p.nodeIds).toEqual(['1', '2', '3', '4']);
    expect(p.nodeAttributes[0]).toMatchObject({ label: 'Andre Beverly', x: 0.1, y: 0.2 });
    expect(p.nodeAttributes[1]).toMatchObject({ label: 'Carol', x: 0.3, y: 0.4 });
    expect(p.nodeAttributes[2].label).toBe('Diane');
    expect(p.nodeAttributes[2].x).toBeUndefined();
    // Vertex 4 exists although no line describes it.
    expect(p.nodeAttributes[3].label).toBeUndefined();
    expect(Array.from(p.edgeSources)).toEqual([0, 1, 2]);
    expect(Array.from(p.edgeTargets)).toEqual([1, 2, 3]);
    expect(Array.from(p.edgeWeights)).toEqual([2.5, 1, 1]);
    expect(Array.from(p.edgeDirected ?? [])).toEqual([1, 1, 0]);
    expect(p.graphAttributes.title).toBe('Kite');
    expect(p.warnings).toEqual([]);
  });

  it('reads an undirected file and a directed one', () => {
    const u = parseDataset(text('*Vertices 3\r\n*Edges\r\n1 2\r\n2 3\r\n'), 'u.net');
    expect(u.directed).toBe(false);
    expect(u.edgeDirected).toBeUndefined();
    const d = parseDataset(text('*Vertices 2\n*Arcs\n1 2\n'), 'd.net');
    expect(d.directed).toBe(true);
  });

  it('reads *Arcslist and *Edgeslist', () => {
    const p = parseDataset(text('*Vertices 4\n*Arcslist\n1 2 3 4\n*Edgeslist\n2 3\n'), 'l.net');
    expect(Array.from(p.edgeSources)).toEqual([0, 0, 0, 1]);
    expect(Array.from(p.edgeTargets)).toEqual([1, 2, 3, 2]);
    expect(Array.from(p.edgeDirected ?? [])).toEqual([1, 1, 1, 0]);
  });

  it('reads *Matrix', () => {
    const p = parseDataset(text('*Vertices 2\n1 "a"\n2 "b"\n*Matrix\n0 3\n1 0\n'), 'm.net');
    expect(p.directed).toBe(true);
    expect(Array.from(p.edgeWeights)).toEqual([3, 1]);
    expect(Array.from(p.edgeSources)).toEqual([0, 1]);
  });

  it('reads edges without vertices, and edges to undeclared vertices with a warning', () => {
    const bare = parseDataset(text('*Edges\n1 2\n2 3\n'), 'bare.net');
    expect(bare.nodeIds).toEqual(['1', '2', '3']);
    expect(bare.warnings).toEqual([]);
    const lenient = parseDataset(text('*Vertices 2\n*Arcs\n1 2\n2 9\n'), 'lenient.net');
    expect(lenient.nodeIds).toEqual(['1', '2', '9']);
    expect(lenient.warnings.join(' ')).toMatch(/1 node\(s\) used by edges were never declared/);
  });

  it('skips sections it does not read, saying so', () => {
    const p = parseDataset(text('*Vertices 2\n*Partition x\n1\n2\n*Arcs\n1 2\n'), 'p.net');
    expect(p.edgeSources).toHaveLength(1);
    expect(p.warnings.join(' ')).toMatch(/Ignored section\(s\) \*partition/);
  });

  it('refuses what it cannot read, naming the line', () => {
    expect(rejection(text('*Vertices many\n'), 'a.net').message).toMatch(
      /^a\.net: line 1: expected "\*Vertices n"/,
    );
    expect(rejection(text('*Vertices 2\n7 "x"\n'), 'b.net').message).toMatch(
      /^b\.net: line 2: "7" is not a vertex number between 1 and 2/,
    );
    expect(rejection(text('*Vertices 2\n*Matrix\n0 1\n'), 'c.net').message).toMatch(
      /^c\.net: line \d+: the matrix has 1 rows, expected 2/,
    );
    expect(rejection(text('*Vertices 2\n*Matrix\n0 1 1\n'), 'd.net').message).toMatch(
      /line 3: a matrix row has 3 values, expected 2/,
    );
    expect(rejection(text('*Vertices 99999999\n'), 'e.net').message).toMatch(
      /over this app's limit/,
    );
    expect(rejection(text('*Edges\n1\n'), 'f.net').message).toMatch(
      /line 2: expected "source target/,
    );
  });
});
