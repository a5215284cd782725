import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATASETS, datasetBytes, loadDataset, rejection, text } from './datasets';
import { CsvReader, detectDelimiter } from '../../../src/core/io/csv-reader';
import { parseDataset } from '../../../src/core/io/parse';

function records(file: string): Record<string, string>[] {
  const content = readFileSync(path.join(DATASETS, file), 'utf8');
  const reader = new CsvReader(content, detectDelimiter(content));
  const header = reader.next() ?? [];
  const rows: Record<string, string>[] = [];
  for (let row = reader.next(); row; row = reader.next()) {
    rows.push(Object.fromEntries(header.map((name, i) => [name, row[i]])));
  }
  return rows;
}

describe('CSV tokenizer against the csv-spectrum oracles', () => {
  it.each(['escaped_quotes', 'newlines_crlf', 'quotes_and_newlines'])('%s', (name) => {
    const expected: unknown = JSON.parse(
      readFileSync(path.join(DATASETS, `hostile/csv-spectrum_${name}.expected.json`), 'utf8'),
    );
    expect(records(`hostile/csv-spectrum_${name}.csv`)).toEqual(expected);
  });

  it('detects delimiters quote-aware', () => {
    expect(detectDelimiter('a;b;c\n1;"x;y";3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('# comment, with commas\n1 2\n3 4\n')).toBe('whitespace');
    expect(detectDelimiter('id,note\n1,"two\nlines"\n')).toBe(',');
  });

  it('counts lines across quoted line breaks', () => {
    const reader = new CsvReader('a,b\n"x\ny",1\nz,2\n', ',');
    reader.next();
    reader.next();
    reader.next();
    expect(reader.line).toBe(4);
  });
});

describe('edge lists', () => {
  it('reads SNAP Gnutella: tabs, # comments, CRLF', () => {
    const started = performance.now();
    const p = loadDataset('csv/snap_p2p-Gnutella31.txt');
    const elapsed = performance.now() - started;
    expect(p.format).toBe('edge-list');
    expect(p.nodeIds).toHaveLength(62586);
    expect(p.edgeSources).toHaveLength(147892);
    expect(p.directed).toBe(true);
    expect(p.warnings).toEqual([]);
    expect([p.nodeIds[p.edgeSources[0]], p.nodeIds[p.edgeTargets[0]]]).toEqual(['0', '1']);
    expect(elapsed).toBeLessThan(5000);
  });

  it('reads the gzipped school friendships ("i j" pairs)', () => {
    const p = loadDataset('school/Friendship-network_data_2013.csv.gz');
    expect(p.edgeSources).toHaveLength(668);
    expect(p.directed).toBe(true);
  });

  it('reads the Higgs mention network with weights', () => {
    const p = loadDataset('cascades/snap_higgs-mention_network.edgelist');
    expect(p.nodeIds).toHaveLength(116408);
    expect(p.edgeSources).toHaveLength(150818);
    expect(p.edgeWeights.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(1);
  });

  it('reads a comment that says undirected, and extra number columns', () => {
    const p = parseDataset(text('% Undirected graph\n1 2 0.5 1400\n2 3\n'), 'u.txt');
    expect(p.directed).toBe(false);
    expect(Array.from(p.edgeWeights)).toEqual([0.5, 1]);
    expect(p.edgeAttributes?.[0]['column 4']).toBe(1400);
  });

  it('refuses text that is not an edge list, with a hint about headers', () => {
    expect(rejection(datasetBytes('school/metadata_2013.txt'), 'metadata.txt').message).toMatch(
      /^metadata\.txt: line 1: column 3 \("F"\) is not a number.*Source and Target/,
    );
    expect(rejection(text('single\n'), 'one.txt').message).toMatch(/expected at least two columns/);
  });
});

describe('CSV tables', () => {
  it('reads a node table with a BOM, CJK text, duplicate ids and an empty last row', () => {
    const p = loadDataset('csv/gephi-importtest_test_utf8_chars_with_bom.csv');
    expect(p.format).toBe('csv');
    expect(p.nodeIds).toEqual(['1', '2']);
    expect(p.nodeAttributes[0]).toMatchObject({
      label: 'uno',
      timeset: '[1,5]; [10, 10.5]; [11, 16];',
      utf8: '漢語',
    });
    expect(p.nodeAttributes[1]).toMatchObject({ label: 'dos', utf8: 'bla' });
    expect(p.warnings.join(' ')).toMatch(/declared more than once/);
  });

  it('reads a space-delimited edge table with a Type column', () => {
    const p = loadDataset('csv/gephi-importtest_edges_table_with_timeset_timestamps.csv');
    expect(p.nodeIds).toEqual(['Fred', 'Alice', 'Dirk']);
    expect(p.edgeSources).toHaveLength(5);
    expect(p.directed).toBe(true);
    expect(p.edgeAttributes?.[0].timeset).toBe('2016-02-03');
    expect(p.warnings).toEqual([]);
  });

  it('reads Gephi interval weights, keeping the first value, and repeated edges', () => {
    const p = loadDataset('csv/gephi-importtest_edges_table_dynamic_weights.csv');
    expect(p.edgeSources).toHaveLength(4);
    expect(Array.from(p.edgeWeights)).toEqual([1, 3.25, 1, 4]);
    expect(p.warnings.join(' ')).toMatch(/4 weight\(s\) were given over time/);
  });

  it('types columns, maps reserved names, and reads mixed directions', () => {
    const p = parseDataset(
      text(
        'Source;Target;Type;Weight;Label;since;close\na;b;Undirected;2,5;x;2001;true\nb;c;Directed;;y;2003;false\n',
      ),
      'edges.csv',
    );
    expect(Array.from(p.edgeDirected ?? [])).toEqual([0, 1]);
    expect(p.edgeAttributes?.[0]).toMatchObject({ label: 'x', since: 2001, close: true });
    // "2,5" is not a number here: weight 1 and a warning rather than a guess.
    expect(Array.from(p.edgeWeights)).toEqual([1, 1]);
    expect(p.warnings.join(' ')).toMatch(/1 weight\(s\) were not numbers/);
    const nodes = parseDataset(
      text('Id,Label,x,y,color,size\nn1,One,1.5,-2,"rgb(0,0,255)",abc\n'),
      'nodes.csv',
    );
    expect(nodes.nodeAttributes[0]).toMatchObject({
      label: 'One',
      x: 1.5,
      y: -2,
      color: '#0000ff',
      'size (data)': 'abc',
    });
  });

  it('keeps codes with leading zeros as text', () => {
    const p = parseDataset(text('Id,zip,rank\na,01234,1\nb,75001,2\n'), 'zip.csv');
    expect(p.nodeAttributes[0]).toMatchObject({ zip: '01234', rank: 1 });
  });

  it('names the line of an unclosed quote', () => {
    expect(rejection(text('Source,Target\na,b\nc,"d\n'), 'q.csv').message).toBe(
      'q.csv: line 3: a quoted field is never closed',
    );
  });

  it('reads a gzipped CSV', () => {
    const p = parseDataset(gzipSync(text('source,target\na,b\n')), 'e.csv.gz');
    expect(p.edgeSources).toHaveLength(1);
  });
});
