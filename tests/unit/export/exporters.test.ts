import Graph from 'graphology';
import { parse as parseGexfWithGraphology } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { escapeXml, toGexf } from '../../../src/core/export/gexf';
import { toGraphologyJson } from '../../../src/core/export/graphology-json';
import { parseDataset } from '../../../src/core/io/parse';
import type { Attributes, DatasetPayload } from '../../../src/core/io/payload';

function attributes(values: Record<string, unknown>): Attributes {
  return Object.assign(Object.create(null) as Attributes, values);
}

const HOSTILE = '<img src=x onerror=alert(1)>';

function sample(): DatasetPayload {
  return {
    name: 'sample',
    format: 'csv',
    directed: true,
    nodeIds: ['a', 'b&c', '__proto__'],
    nodeAttributes: [
      attributes({ label: HOSTILE, class: 'MP', score: 3, tags: ['x', 'y, z'], x: 1, y: 2 }),
      attributes({ label: 'Bob & "Co"', class: 'PC', score: 4.5, color: '#112233' }),
      attributes({ constructor: 'plain data', score: Infinity }),
    ],
    edgeSources: Int32Array.from([0, 1]),
    edgeTargets: Int32Array.from([1, 2]),
    edgeWeights: Float64Array.from([2, 0.5]),
    edgeAttributes: [attributes({ label: 'knows', since: 2001 }), attributes({})],
    graphAttributes: attributes({ description: 'a <test> & more' }),
    warnings: [],
  };
}

const encode = (s: string) => new TextEncoder().encode(s);

describe('toGexf', () => {
  it('escapes XML specials and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'\t\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#9;&#10;',
    );
    expect(escapeXml('nul\u0000 bell\u0007 lone\uD800 pair😀')).toBe(
      'nul\uFFFD bell\uFFFD lone\uFFFD pair😀',
    );
    const gexf = toGexf(sample());
    expect(gexf).not.toContain('<img');
    expect(gexf).toContain('label="&lt;img src=x onerror=alert(1)&gt;"');
    expect(gexf).toContain('<description>a &lt;test&gt; &amp; more</description>');
  });

  it('declares typed columns and writes viz, weights and infinities', () => {
    const gexf = toGexf(sample(), {
      positions: Float32Array.from([10, 20, NaN, NaN, 5, 6]),
      colors: ['#D55E00', null, 'rgb(0, 114, 178)'],
    });
    expect(gexf).toContain('<attribute id="n1" title="score" type="double"/>');
    expect(gexf).toContain('<attribute id="n2" title="tags" type="liststring"/>');
    expect(gexf).toContain('<attribute id="e0" title="since" type="integer"/>');
    expect(gexf).toContain('<viz:color r="213" g="94" b="0"/>');
    expect(gexf).toContain('defaultedgetype="directed" mode="static"');
    const back = parseDataset(encode(gexf), 'sample.gexf');
    expect(back.warnings).toEqual([]);
    // The layout's positions win; a node without finite layout coordinates keeps the file's.
    expect(back.nodeAttributes.map((a) => [a.x, a.y])).toEqual([
      [10, 20],
      [undefined, undefined],
      [5, 6],
    ]);
    expect(back.nodeAttributes.map((a) => a.color)).toEqual(['#d55e00', '#112233', '#0072b2']);
    expect(back.nodeAttributes[2].score).toBe(Infinity);
    expect(back.nodeAttributes[2].constructor).toBe('plain data');
    expect(back.nodeAttributes[0].tags).toEqual(['x', 'y, z']);
    expect(back.edgeAttributes?.[0]).toMatchObject({ label: 'knows', since: 2001 });
    expect(Array.from(back.edgeWeights)).toEqual([2, 0.5]);
  });

  it('writes adoption times as a dynamic attribute Gephi can play (hours: double)', () => {
    const gexf = toGexf(sample(), { adoptionTimes: Float64Array.from([0, 2.5, NaN]) });
    expect(gexf).toContain('mode="dynamic" timeformat="double" timerepresentation="interval"');
    expect(gexf).toContain('<attributes class="node" mode="dynamic">');
    expect(gexf).toContain('<attvalue for="adoption" value="2.5" start="2.5"/>');
    const back = parseDataset(encode(gexf), 'spread.gexf');
    expect(back.nodeAttributes.map((a) => a['adoption time'])).toEqual([0, 2.5, undefined]);
    expect(back.graphAttributes).toMatchObject({ mode: 'dynamic', timeformat: 'double' });
  });

  it('writes recorded (epoch-ms) adoption times as dateTime spells', () => {
    const t = Date.UTC(2021, 5, 26, 14, 30);
    const gexf = toGexf(sample(), {
      adoptionTimes: Float64Array.from([t, NaN, NaN]),
      timeUnit: 'epoch-ms',
    });
    expect(gexf).toContain('timeformat="dateTime"');
    expect(gexf).toContain(`value="${t}" start="2021-06-26T14:30:00.000Z"`);
    expect(parseDataset(encode(gexf), 'rec.gexf').nodeAttributes[0]['adoption time']).toBe(t);
  });

  it('is read by graphology-gexf (xmldom) too, with the same counts and labels', () => {
    // graphology-gexf itself throws on an edge to a node named "__proto__" or "constructor".
    const payload = { ...sample(), nodeIds: ['a', 'b&c', 'c'] };
    const graph = parseGexfWithGraphology(
      Graph,
      toGexf(payload, { adoptionTimes: Float64Array.from([0, 1, NaN]) }),
      { allowUndeclaredAttributes: true },
    );
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttribute('a', 'label')).toBe(HOSTILE);
    expect(graph.getNodeAttribute('b&c', 'label')).toBe('Bob & "Co"');
  });

  it('marks per-edge direction in a mixed graph', () => {
    const mixed = { ...sample(), directed: false, edgeDirected: Uint8Array.from([1, 0]) };
    const gexf = toGexf(mixed);
    expect(gexf).toContain('defaultedgetype="undirected"');
    expect(gexf).toContain('type="directed"');
    expect(Array.from(parseDataset(encode(gexf), 'm.gexf').edgeDirected ?? [])).toEqual([1, 0]);
  });
});

describe('toGraphologyJson', () => {
  it('is graphology’s own format: Graph.from reads it', () => {
    const json = toGraphologyJson(sample(), {
      positions: Float32Array.from([1, 2, 3, 4, 5, 6]),
      adoptionTimes: Float64Array.from([0, NaN, 4]),
    });
    const graph = Graph.from(JSON.parse(json) as Parameters<typeof Graph.from>[0]);
    expect(graph.type).toBe('directed');
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttributes('__proto__')).toMatchObject({ x: 5, y: 6, 'adoption time': 4 });
    expect(graph.getNodeAttribute('b&c', 'adoption time')).toBeUndefined();
    expect(graph.getEdgeAttribute('0', 'weight')).toBe(2);
  });

  it('keeps __proto__ and constructor keys as data, and infinities as text', () => {
    const payload = sample();
    payload.nodeAttributes[0] = attributes({ ['__proto__']: 'polluted?', constructor: 1 });
    const json = toGraphologyJson(payload);
    expect(json).toContain('"__proto__":"polluted?"');
    const back = parseDataset(encode(json), 'p.json');
    expect(Object.keys(back.nodeAttributes[0])).toEqual(['__proto__', 'constructor']);
    expect(back.nodeAttributes[0]['__proto__']).toBe('polluted?');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(back.nodeAttributes[2].score).toBe('Infinity');
  });
});
