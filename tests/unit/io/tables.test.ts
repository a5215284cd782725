import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { datasetBytes, text } from './datasets';
import { DatasetError } from '../../../src/core/io/errors';
import { parseDatasets, type DroppedFile } from '../../../src/core/io/tables';

const NODES = 'Id,Label,class,score\nn1,Ana,MP,3\nn2,Ben,PC,4.5\nn3,Cy,MP,1\n';
const EDGES =
  'Source,Target,Type,Weight,since\nn1,n2,Undirected,2,2001\nn2,n3,Directed,,2003\nn3,n9,Directed,1,2005\n';

function file(name: string, content: string | Uint8Array): DroppedFile {
  return { name, bytes: typeof content === 'string' ? text(content) : content };
}

function failure(files: DroppedFile[]): DatasetError {
  try {
    parseDatasets(files);
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

describe('parseDatasets: a node table and an edge table dropped together', () => {
  it.each([
    ['nodes first', [file('nodes.csv', NODES), file('edges.csv', EDGES)]],
    ['edges first', [file('edges.csv', EDGES), file('nodes.csv', NODES)]],
  ])('joins them (%s)', (_, files) => {
    const p = parseDatasets(files);
    expect(p.name).toBe('nodes.csv + edges.csv');
    expect(p.format).toBe('csv');
    expect(p.nodeIds).toEqual(['n1', 'n2', 'n3', 'n9']);
    expect(p.nodeAttributes[1]).toMatchObject({ label: 'Ben', class: 'PC', score: 4.5 });
    expect(Object.getPrototypeOf(p.nodeAttributes[0])).toBeNull();
    expect(Array.from(p.edgeSources)).toEqual([0, 1, 2]);
    expect(Array.from(p.edgeTargets)).toEqual([1, 2, 3]);
    expect(Array.from(p.edgeWeights)).toEqual([2, 1, 1]);
    expect(Array.from(p.edgeDirected ?? [])).toEqual([0, 1, 1]);
    expect(p.edgeAttributes?.[2]).toMatchObject({ since: 2005 });
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/1 node\(s\) used by edges were never declared \("n9"\)/);
  });

  it('reads gzipped tables, a semicolon edge table and Gephi-style columns', () => {
    const p = parseDatasets([
      file('edges.csv', 'source;target\n1;2\n'),
      file('nodes.csv.gz', gzipSync(text('Id;Label;x;y\n1;one;0.5;1\n2;two;1;2\n'))),
    ]);
    expect(p.nodeIds).toEqual(['1', '2']);
    expect(p.nodeAttributes[0]).toMatchObject({ label: 'one', x: 0.5, y: 1 });
    expect(p.directed).toBe(true);
    expect(p.warnings).toEqual([]);
  });

  it('joins a node table with a headerless edge list too', () => {
    const p = parseDatasets([file('nodes.csv', NODES), file('pairs.txt', 'n1 n2\nn2 n3\n')]);
    expect(p.nodeIds).toEqual(['n1', 'n2', 'n3']);
    expect(p.edgeSources).toHaveLength(2);
  });

  it('keeps each file’s repairs, naming the file', () => {
    const p = parseDatasets([
      file('nodes.csv', 'Id,Label\na,A\na,B\n'),
      file('edges.csv', 'Source,Target,Weight\na,a,heavy\n'),
    ]);
    expect(p.warnings).toEqual([
      'nodes.csv: 1 node(s) were declared more than once (first: "a"): merged them, later values win.',
      'edges.csv: 1 weight(s) were not numbers: used 1 instead.',
    ]);
  });

  it('reads one file alone as parseDataset does', () => {
    const p = parseDatasets([file('les.gexf', datasetBytes('gexf/gephi_les-miserables.gexf'))]);
    expect(p.format).toBe('gexf');
    expect(p.nodeIds).toHaveLength(77);
  });

  it('refuses other combinations with a message naming both files', () => {
    const two = failure([file('a.csv', NODES), file('b.csv', NODES)]);
    expect(two.file).toBe('a.csv and b.csv');
    expect(two.message).toMatch(
      /^a\.csv and b\.csv: a\.csv is a node table, b\.csv is a node table: open one network file, or a node table/,
    );
    const gexf = failure([
      file('les.gexf', datasetBytes('gexf/gephi_les-miserables.gexf')),
      file('b.csv', NODES),
    ]);
    expect(gexf.message).toMatch(/les\.gexf is a gexf network file, b\.csv is a node table/);
    expect(failure([file('e1.csv', EDGES), file('e2.csv', EDGES)]).message).toMatch(
      /e1\.csv is an edge table, e2\.csv is an edge table/,
    );
    expect(failure([file('a', NODES), file('b', EDGES), file('c', EDGES)]).message).toMatch(
      /^a and b and c: 3 files at once/,
    );
    expect(failure([]).message).toMatch(/nothing to open/);
  });

  it('passes on the DatasetError of a broken file, naming that file', () => {
    const error = failure([file('nodes.csv', NODES), file('edges.csv', 'Source,Target\n"a,b\n')]);
    expect(error.message).toBe('edges.csv: line 2: a quoted field is never closed');
  });

  it('applies the size limit to both files together', () => {
    expect(() =>
      parseDatasets([file('n.csv', NODES), file('e.csv', EDGES)], { maxBytes: 150 }),
    ).toThrow(/^n\.csv and e\.csv: the files hold .* together, over the/);
  });
});
