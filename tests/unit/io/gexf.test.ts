import { describe, expect, it } from 'vitest';
import { loadDataset, rejection, datasetBytes, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';

describe('GEXF: real files', () => {
  it('reads Les Misérables with labels, positions, sizes, colours and weights', () => {
    const p = loadDataset('gexf/gephi_les-miserables.gexf');
    expect(p.format).toBe('gexf');
    expect(p.nodeIds).toHaveLength(77);
    expect(p.edgeSources).toHaveLength(254);
    expect(p.directed).toBe(false);
    expect(p.edgeDirected).toBeUndefined();
    expect(p.warnings).toEqual([]);
    const myriel = p.nodeAttributes[p.nodeIds.indexOf('0')];
    expect(myriel.label).toBe('Myriel');
    expect(myriel.x).toBeCloseTo(-102.81979);
    expect(myriel.y).toBeCloseTo(-185.35468);
    expect(myriel.size).toBeCloseTo(28.685715);
    expect(myriel.color).toBe('#5b5bf5');
    expect(myriel['Modularity Class']).toBe(0);
    expect(Object.getPrototypeOf(myriel)).toBeNull();
    for (const attributes of p.nodeAttributes) {
      expect(typeof attributes.label).toBe('string');
      expect(typeof attributes.x).toBe('number');
      expect(attributes.color).toMatch(/^#[0-9a-f]{6}$/);
    }
    // <edge id="1" source="2" target="0" weight="8.0">; edge 0 has no weight.
    expect(p.edgeWeights[0]).toBe(1);
    expect(p.edgeWeights[1]).toBe(8);
    expect(p.nodeIds[p.edgeSources[1]]).toBe('2');
    expect(p.nodeIds[p.edgeTargets[1]]).toBe('0');
    expect(p.graphAttributes.creator).toBe('Gephi 0.8.1');
  });

  it('reads divided-they-blog as a directed graph', () => {
    const p = loadDataset('gexf/gephi-lite_divided-they-blog.gexf');
    expect(p.nodeIds).toHaveLength(1224);
    expect(p.edgeSources).toHaveLength(19025);
    expect(p.directed).toBe(true);
    expect(p.edgeDirected).toBeUndefined();
    expect(p.nodeAttributes[0]).toMatchObject({
      label: '100monkeystyping.com',
      value: 0,
      source: 'Blogarama',
    });
    expect(Math.max(...p.edgeSources, ...p.edgeTargets)).toBeLessThan(1224);
    expect(Math.min(...p.edgeSources, ...p.edgeTargets)).toBeGreaterThanOrEqual(0);
    expect(p.warnings).toEqual([]);
  });

  it('reads power-grid under the gexf.net/1.3 namespace (no www)', () => {
    const p = loadDataset('gexf/gephi-lite_power-grid.gexf');
    expect(p.nodeIds).toHaveLength(4941);
    expect(p.edgeSources).toHaveLength(6594);
    expect(p.directed).toBe(false);
    expect(p.warnings).toEqual([]);
    expect(typeof p.nodeAttributes[0].x).toBe('number');
  });

  it('adds nodes that edges name but the file never declares, with a warning', () => {
    const p = loadDataset('gexf/graphology-test_missing_nodes.gexf');
    expect(p.nodeIds).toHaveLength(6);
    expect(p.edgeSources).toHaveLength(4);
    expect(p.nodeIds).toEqual(['0', '1', '2', '4', '5', '6']);
    expect(p.warnings.join(' ')).toMatch(/4 node\(s\) used by edges were never declared/);
  });

  it('keeps values of undeclared attributes as text, with a warning', () => {
    const p = loadDataset('gexf/graphology-test_undeclared_attribute.gexf');
    expect(p.nodeAttributes[0].url).toBe('http://gephi.org');
    expect(p.edgeAttributes?.[0].count).toBe('43');
    expect(p.warnings.join(' ')).toMatch(/undeclared attribute\(s\) "url"/);
    expect(p.warnings.join(' ')).toMatch(/undeclared attribute\(s\) "count"/);
  });

  it('reads INF and -INF as infinities', () => {
    const p = loadDataset('gexf/gephi-importtest_infinity.gexf');
    expect(p.nodeAttributes[0].positive).toBe(Infinity);
    expect(p.nodeAttributes[0].negative).toBe(-Infinity);
  });

  it('reads an empty graph and says it is empty', () => {
    const p = loadDataset('gexf/graphology-test_pedantic.gexf');
    expect(p.nodeIds).toHaveLength(0);
    expect(p.edgeSources).toHaveLength(0);
    expect(p.warnings.join(' ')).toMatch(/no nodes/);
  });

  it('reads GEXF 1.3 list types and hex colours', () => {
    const p = loadDataset('gexf/graphology-test_v1_3.gexf');
    const suzy = p.nodeAttributes[p.nodeIds.indexOf('Suzy')];
    expect(suzy.pipe).toEqual(['a', 'b', 'c']);
    expect(suzy.comma).toEqual(['a', 'b', 'c']);
    expect(suzy.raw).toEqual(['a', 'b', 'c']);
    expect(suzy.single).toEqual(['a', "'b'", 'c']);
    expect(suzy.double).toEqual(['a', 'b', 'c']);
    expect(suzy.mixed).toEqual(['a', 'b', 'c']);
    expect(suzy.booleans).toEqual([true, false, false]);
    expect(suzy.numbers).toEqual([1, 1.5, 2]);
    expect(suzy.color).toBe('#ff00ff');
    expect(p.nodeAttributes[p.nodeIds.indexOf('John')].color).toBe('#ee00cc');
    // No defaultedgetype: the GEXF schema default is undirected.
    expect(p.directed).toBe(false);
    expect(p.edgeAttributes?.[0].kind).toBe('likes');
  });

  it('loads a dynamic file, keeping the first of several timed weights', () => {
    const p = loadDataset('gexf/gephi-importtest_dynamicedgeweight.gexf');
    expect(p.nodeIds).toHaveLength(2);
    expect(p.edgeSources).toHaveLength(1);
    expect(p.edgeWeights[0]).toBe(1);
    expect(p.graphAttributes.mode).toBe('dynamic');
    expect(p.warnings.join(' ')).toMatch(/over time/);
  });

  it('loads a slice file with its graph timestamp', () => {
    const p = loadDataset('gexf/gephi-importtest_slice.gexf');
    expect(p.nodeIds).toEqual(['1', '2']);
    expect(p.nodeAttributes[0]).toMatchObject({ label: 'Node 1', Price: 12 });
    expect(p.edgeWeights[0]).toBe(2);
    expect(p.graphAttributes.timestamp).toBe(2007);
    expect(p.directed).toBe(true);
  });
});

describe('GEXF: written for these tests', () => {
  const gexf = (graph: string, attrs = 'defaultedgetype="directed"') =>
    text(
      `<?xml version="1.0"?><gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2"><graph ${attrs}>${graph}</graph></gexf>`,
    );

  it('keeps spells, start/end and a mixed per-edge direction', () => {
    const p = parseDataset(
      gexf(
        `<nodes><node id="a" start="2001" end="2003"><spells><spell start="2001" end="2002"/><spell start="2003"/></spells></node><node id="b"/></nodes>
         <edges><edge source="a" target="b" type="undirected" start="2002"/><edge source="b" target="a"/></edges>`,
      ),
      'spells.gexf',
    );
    expect(p.nodeAttributes[0]).toMatchObject({
      start: 2001,
      end: 2003,
      spells: ['2001/2002', '2003/'],
    });
    expect(p.directed).toBe(true);
    expect(Array.from(p.edgeDirected ?? [])).toEqual([0, 1]);
    expect(p.edgeAttributes?.[0].start).toBe(2002);
  });

  it('applies declared defaults and keeps a reserved title apart from viz data', () => {
    const p = parseDataset(
      gexf(
        `<attributes class="node"><attribute id="0" title="size" type="float"><default>3</default></attribute>
           <attribute id="1" title="kind" type="string"><default>person</default></attribute></attributes>
         <nodes><node id="a" label="A"><attvalues><attvalue for="0" value="7"/></attvalues><viz:size value="12"/><viz:color r="255" g="0" b="0" a="0.5"/></node>
           <node id="b"/></nodes>`,
      ),
      'defaults.gexf',
    );
    expect(p.nodeAttributes[0]).toMatchObject({
      size: 12,
      'size (data)': 7,
      kind: 'person',
      color: '#ff0000',
    });
    expect(p.nodeAttributes[1]).toMatchObject({ 'size (data)': 3, kind: 'person' });
  });

  it('uses an edge "weight" column as the weight, but keeps a node "weight" column as data', () => {
    const p = parseDataset(
      gexf(
        `<attributes class="node"><attribute id="w" title="Weight" type="double"/></attributes>
         <attributes class="edge"><attribute id="weight" title="Weight" type="float"><default>4</default></attribute></attributes>
         <nodes><node id="a"><attvalues><attvalue for="w" value="9"/></attvalues></node><node id="b"/></nodes>
         <edges><edge source="a" target="b"><attvalues><attvalue for="weight" value="2.5"/></attvalues></edge>
           <edge source="b" target="a"/><edge source="a" target="a" weight="7"/></edges>`,
      ),
      'weights.gexf',
    );
    expect(p.nodeAttributes[0].Weight).toBe(9);
    expect(Array.from(p.edgeWeights)).toEqual([2.5, 4, 7]);
    expect(p.edgeAttributes).toBeUndefined();
  });

  it('keeps a value that does not fit its type as text, with a warning', () => {
    const p = parseDataset(
      gexf(
        `<attributes class="node"><attribute id="n" title="n" type="integer"/></attributes>
         <nodes><node id="a"><attvalues><attvalue for="n" value="many"/></attvalues></node></nodes>`,
      ),
      'types.gexf',
    );
    expect(p.nodeAttributes[0].n).toBe('many');
    expect(p.warnings.join(' ')).toMatch(/did not match their declared type/);
  });

  it('treats __proto__ and constructor as plain data', () => {
    const p = parseDataset(
      gexf(
        `<attributes class="node"><attribute id="__proto__" title="__proto__" type="string"/></attributes>
         <nodes><node id="__proto__" label="constructor"><attvalues><attvalue for="__proto__" value="polluted"/></attvalues></node><node id="constructor"/></nodes>
         <edges><edge source="__proto__" target="constructor"/></edges>`,
      ),
      'proto.gexf',
    );
    expect(p.nodeIds).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyNames(p.nodeAttributes[0])).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(p.warnings).toEqual([]);
  });

  it('reads the legacy gephi.org namespace and GEXF 1.0 attvalue ids', () => {
    const p = parseDataset(
      text(
        `<gexf xmlns="http://www.gephi.org/gexf" version="1.0"><graph type="static"><attributes class="node" type="static"><attribute id="0" title="city" type="string"/></attributes>
         <nodes><node id="1" label="x"><attvalues><attvalue id="0" value="Paris"/></attvalues></node></nodes></graph></gexf>`,
      ),
      'legacy.gexf',
    );
    expect(p.nodeAttributes[0].city).toBe('Paris');
    expect(p.warnings).toEqual([]);
  });

  it('names the file and the line of an edge without a target', () => {
    const error = rejection(
      gexf('<nodes><node id="a"/></nodes>\n<edges>\n<edge source="a"/></edges>'),
      'broken.gexf',
    );
    expect(error.message).toMatch(/^broken\.gexf: line 3/);
    expect(error.message).toMatch(/source and target/);
  });

  it('rejects a truncated file, naming it', () => {
    const full = datasetBytes('gexf/gephi_les-miserables.gexf');
    const error = rejection(full.subarray(0, Math.floor(full.length / 2)), 'cut.gexf');
    expect(error.file).toBe('cut.gexf');
    expect(error.message).toMatch(/^cut\.gexf: .*not well-formed XML/);
  });

  it('rejects a GEXF without a graph element', () => {
    expect(rejection(text('<gexf version="1.3"></gexf>'), 'nograph.gexf').message).toMatch(
      /no <graph>/,
    );
  });

  it('enforces the node and edge count limits', () => {
    const bytes = datasetBytes('gexf/gephi_les-miserables.gexf');
    expect(() => parseDataset(bytes, 'm.gexf', { maxNodes: 10 })).toThrow(/more than 10 nodes/);
    expect(() => parseDataset(bytes, 'm.gexf', { maxEdges: 100 })).toThrow(/more than 100 edges/);
  });
});
