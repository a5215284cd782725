import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { datasetBytes, loadDataset, rejection, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';
import { sniff } from '../../../src/core/io/sniff';
import { parseGexf } from '../../../src/core/io/gexf';
import { parseGraphml } from '../../../src/core/io/graphml';
import { DEFAULT_LIMITS } from '../../../src/core/io/limits';
import { DatasetError } from '../../../src/core/io/errors';

describe('parseDataset: sniffing from content', () => {
  it('reads a gzipped GEXF (round trip through fflate)', () => {
    const gz = gzipSync(datasetBytes('gexf/gephi_les-miserables.gexf'));
    const p = parseDataset(gz, 'les-miserables.gexf.gz');
    expect(p.format).toBe('gexf');
    expect(p.nodeIds).toHaveLength(77);
    expect(p.edgeSources).toHaveLength(254);
  });

  it('reads a gzipped graphology JSON', () => {
    const p = parseDataset(
      gzipSync(datasetBytes('json/sigma-test_les-miserables.json')),
      'x.json.gz',
    );
    expect(p.format).toBe('graphology-json');
    expect(p.nodeIds).toHaveLength(77);
  });

  it('ignores a misleading name', () => {
    const p = parseDataset(datasetBytes('gexf/gephi_les-miserables.gexf'), 'network.json');
    expect(p.format).toBe('gexf');
  });

  it('tolerates a UTF-8 BOM before XML', () => {
    const gexf = datasetBytes('gexf/graphology-test_missing_nodes.gexf');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...gexf]);
    expect(parseDataset(withBom, 'bom.gexf').nodeIds).toHaveLength(6);
  });

  it('reads UTF-16 with a BOM', () => {
    const source = new TextDecoder().decode(datasetBytes('gexf/graphology-test_v1_3.gexf'));
    const utf16 = new Uint8Array(2 + source.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < source.length; i++) {
      utf16[2 + i * 2] = source.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = source.charCodeAt(i) >> 8;
    }
    expect(parseDataset(utf16, 'utf16.gexf').nodeIds).toEqual(['Suzy', 'John']);
  });

  it('honours a Latin-1 XML declaration', () => {
    const head =
      '<?xml version="1.0" encoding="ISO-8859-1"?><gexf><graph><nodes><node id="1" label="Mis';
    const bytes = new Uint8Array([
      ...text(head),
      0xe9,
      ...text('rables"/></nodes></graph></gexf>'),
    ]);
    expect(parseDataset(bytes, 'latin1.gexf').nodeAttributes[0].label).toBe('Misérables');
  });

  it('sniffs kinds without reading the name', () => {
    expect(sniff(text('  <?xml version="1.0"?>\n<!-- hi --><graphml>')).kind).toBe('xml');
    expect(sniff(text('<!-- c --><ns:gexf>'))).toEqual({
      kind: 'xml',
      root: 'gexf',
      doctype: false,
    });
    expect(sniff(text('\uFEFF{"nodes": []}')).kind).toBe('json');
    expect(sniff(text('a,b\n1,2\n')).kind).toBe('text');
    expect(sniff(new Uint8Array([1, 2, 0, 4])).kind).toBe('binary');
  });
});

describe('parseDataset: refusals name the file', () => {
  it.each([
    ['hostile/mxml_billion-laughs.xml'],
    ['hostile/defusedxml_external.xml'],
    ['hostile/defusedxml_external_file.xml'],
  ])('refuses DTD entities quickly: %s', (file) => {
    const started = performance.now();
    const error = rejection(datasetBytes(file), file);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.message.startsWith(`${file}: `)).toBe(true);
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('refuses DOCTYPEs in the XML readers themselves, not only when sniffing', () => {
    const laughs = datasetBytes('hostile/mxml_billion-laughs.xml');
    expect(() => parseGexf(laughs, 'laughs.gexf', DEFAULT_LIMITS)).toThrow(
      /^laughs\.gexf: line \d+.*DOCTYPE/,
    );
    expect(() => parseGraphml(laughs, 'laughs.graphml', DEFAULT_LIMITS)).toThrow(/DOCTYPE/);
    const external = datasetBytes('hostile/defusedxml_external.xml');
    expect(() => parseGexf(external, 'ext.gexf', DEFAULT_LIMITS)).toThrow(DatasetError);
  });

  it('refuses binary garbage, naming the file', () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const error = rejection(garbage, 'garbage.bin');
    expect(error.file).toBe('garbage.bin');
    expect(error.message).toMatch(/^garbage\.bin: .*binary/);
  });

  it('refuses igraph regression garbage', () => {
    expect(
      rejection(datasetBytes('hostile/igraph-regression_invalid4.graphml'), 'invalid4.graphml')
        .message,
    ).toMatch(/^invalid4\.graphml: /);
  });

  it('refuses an empty file and an unknown XML root', () => {
    expect(rejection(new Uint8Array(0), 'empty.gexf').message).toMatch(/empty/);
    expect(rejection(text('\n  \n'), 'blank.gexf').message).toMatch(/empty/);
    expect(rejection(text('<svg></svg>'), 'pic.svg').message).toMatch(/root element is <svg>/);
  });

  it('refuses a ZIP archive with advice', () => {
    const zip = zipSync({ 'a.gexf': datasetBytes('gexf/graphology-test_pedantic.gexf') });
    expect(rejection(zip, 'a.zip').message).toMatch(/ZIP archive/);
  });

  it('enforces the size limit before parsing', () => {
    const bytes = datasetBytes('gexf/gephi_les-miserables.gexf');
    expect(() => parseDataset(bytes, 'big.gexf', { maxBytes: 1000 })).toThrow(
      /^big\.gexf: the file is .* over the/,
    );
  });

  it('stops a gzip bomb at the size limit', () => {
    const bomb = gzipSync(new Uint8Array(12 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => parseDataset(bomb, 'bomb.gz', { maxBytes: 4 * 1024 * 1024 })).toThrow(
      /^bomb\.gz: decompressed content is larger than the 4\.0 MB limit/,
    );
    // Within the limit it unpacks, then fails as binary content: still a DatasetError.
    expect(rejection(bomb, 'bomb.gz').message).toMatch(/^bomb\.gz: .*binary/);
  });

  it('refuses damaged gzip', () => {
    const gz = gzipSync(datasetBytes('gexf/gephi_les-miserables.gexf'));
    expect(rejection(gz.subarray(0, 200), 'cut.gexf.gz').message).toMatch(/gzip data is damaged/);
  });

  it('refuses prose: it is no edge list', () => {
    expect(rejection(text('This is a note about networks.\n'), 'notes.txt').message).toMatch(
      /^notes\.txt: line 1: column 3 \("a"\) is not a number/,
    );
  });

  it('loads the real JSON sample through the same entry point', () => {
    expect(loadDataset('json/sigma-test_les-miserables.json').edgeSources).toHaveLength(254);
  });
});
