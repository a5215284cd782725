import { describe, expect, it } from 'vitest';
import { datasetBytes, loadDataset, rejection, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';

describe('GraphML: real files', () => {
  it('reads the karate club with graph-tool hex-float positions', () => {
    const p = loadDataset('graphml/newman_karate.graphml');
    expect(p.format).toBe('graphml');
    expect(p.nodeIds).toHaveLength(34);
    expect(p.edgeSources).toHaveLength(78);
    expect(p.directed).toBe(false);
    // <data key="key1">-0x1.8613584cdaf0ep+6, -0x1.28d4ed9539bc9p+4</data>
    expect(p.nodeAttributes[0].x).toBeCloseTo(-97.5189, 3);
    expect(p.nodeAttributes[0].y).toBeCloseTo(-18.552, 3);
    expect(String(p.graphAttributes.description)).toMatch(/^Zachary's karate club/);
    expect(p.warnings).toEqual([]);
  });

  it('reads airlines with x/y keys and comments', () => {
    const p = loadDataset('graphml/gephi-lite_airlines.graphml');
    expect(p.nodeIds).toHaveLength(235);
    expect(p.edgeSources).toHaveLength(2101);
    expect(p.nodeAttributes[0]).toMatchObject({
      x: -922.24444,
      y: -347.29444,
      tooltip: 'LIT(lngx=-92.224444,laty=34.729444)',
    });
    expect(p.warnings).toEqual([]);
  });

  it('reads a mixed multigraph with per-edge direction, parallel edges and defaults', () => {
    const p = loadDataset('graphml/graphology-test_mixed_multigraph.graphml');
    expect(p.nodeIds).toHaveLength(6);
    expect(p.edgeSources).toHaveLength(8);
    expect(p.directed).toBe(false);
    expect(Array.from(p.edgeDirected ?? [])).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(p.edgeWeights)).toEqual([1, 1, 2, 1, 1, 1, 1, 1.1]);
    // e4 and e7 both join n2 and n4.
    expect([p.edgeSources[4], p.edgeTargets[4]]).toEqual([p.edgeSources[5], p.edgeTargets[5]]);
    expect(p.nodeAttributes.map((a) => a.color)).toEqual([
      'green',
      'yellow',
      'blue',
      'red',
      'yellow',
      'turquoise',
    ]);
    expect(p.graphAttributes.color).toBeUndefined();
  });

  it('keeps labels when keys are used but never declared, with a warning', () => {
    const p = loadDataset('graphml/graphology-test_miserables_broken.graphml');
    expect(p.nodeIds).toHaveLength(77);
    expect(p.edgeSources).toHaveLength(254);
    expect(p.nodeAttributes[0]).toMatchObject({ label: 'Valjean', size: 100, color: '#f55b5b' });
    expect(p.warnings.join(' ')).toMatch(/undeclared key\(s\) "label"/);
  });

  it('adds nodes that edges name before (or without) declaring them', () => {
    const p = loadDataset('graphml/graphology-test_missing_nodes.graphml');
    expect(p.nodeIds).toHaveLength(51);
    expect(p.edgeSources).toHaveLength(37);
    expect(p.directed).toBe(true);
    expect(p.nodeAttributes[0]).toMatchObject({
      SubmissionDate: '1995-04-11',
      modification: 'add',
    });
    expect(p.edgeAttributes?.[0]).toMatchObject({ timestamp: '1995-04-11', modification: 'add' });
    expect(p.warnings.join(' ')).toMatch(/36 node\(s\) used by edges were never declared/);
  });

  it('reads keys inside <graph>, one key id for nodes and edges, and CDATA', () => {
    const p = loadDataset('graphml/gephi-importtest_cdata.graphml');
    expect(p.nodeAttributes.map((a) => a.label)).toEqual(['foo', 'bar']);
    expect(p.edgeAttributes?.[0].label).toBe('foobar');
    expect(p.directed).toBe(true);
  });
});

describe('GraphML: hostile and written for these tests', () => {
  it('parses the well-formed igraph regression file despite its garbage', () => {
    const p = parseDataset(
      datasetBytes('hostile/igraph-regression_invalid2.graphml'),
      'invalid2.graphml',
    );
    expect(p.nodeIds).toHaveLength(0);
  });

  it.each([
    'hostile/igraph-regression_invalid1.graphml',
    'hostile/igraph-regression_invalid6.graphml',
  ])('rejects %s, naming the file and line', (file) => {
    expect(rejection(datasetBytes(file), 'bad.graphml').message).toMatch(
      /^bad\.graphml: line \d+, column \d+: /,
    );
  });

  it('reads for="all" keys, typed values, r/g/b, weights and skips hyperedges', () => {
    const p = parseDataset(
      text(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="w" for="edge" attr.name="Weight" attr.type="double"><default>2</default></key>
        <key id="n" for="all" attr.name="note" attr.type="string"/>
        <key id="c" for="node" attr.name="count" attr.type="int"/>
        <key id="f" for="node" attr.name="flag" attr.type="boolean"/>
        <key id="r" for="node" attr.name="r" attr.type="int"/><key id="g" for="node" attr.name="g" attr.type="int"/><key id="b" for="node" attr.name="b" attr.type="int"/>
        <graph edgedefault="directed"><data key="n">the graph</data>
          <node id="a"><data key="c">3</data><data key="f">true</data><data key="r">255</data><data key="g">128</data><data key="b">0</data></node>
          <node id="b"><data key="c">lots</data><port name="p"><data key="n">ignored</data></port></node>
          <edge source="a" target="b"><data key="w">0.5</data><data key="n">hi</data></edge>
          <edge source="b" target="a" directed="false"/>
          <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
        </graph></graphml>`),
      'typed.graphml',
    );
    expect(p.graphAttributes.note).toBe('the graph');
    expect(p.nodeAttributes[0]).toMatchObject({ count: 3, flag: true, color: '#ff8000' });
    expect(p.nodeAttributes[1]).toMatchObject({ count: 'lots' });
    expect(p.nodeAttributes[1].note).toBeUndefined();
    expect(Array.from(p.edgeWeights)).toEqual([0.5, 2]);
    expect(p.edgeAttributes?.[0].note).toBe('hi');
    expect(Array.from(p.edgeDirected ?? [])).toEqual([1, 0]);
    expect(p.warnings.join(' ')).toMatch(/did not match/);
    expect(p.warnings.join(' ')).toMatch(/1 hyperedge\(s\) skipped/);
  });

  it("reads yEd's node graphics", () => {
    const p = parseDataset(
      text(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
        <key for="node" id="d6" yfiles.type="nodegraphics"/>
        <graph edgedefault="directed" id="G">
          <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="40.0" x="10.0" y="20.0"/>
            <y:Fill color="#FFCC00" transparent="false"/><y:NodeLabel alignment="center">Sylvia</y:NodeLabel></y:ShapeNode></data></node>
        </graph></graphml>`),
      'yed.graphml',
    );
    expect(p.nodeAttributes[0]).toMatchObject({
      label: 'Sylvia',
      x: 30,
      y: -35,
      size: 15,
      color: '#ffcc00',
    });
  });

  it('rejects a GraphML file with a DOCTYPE', () => {
    const hostile =
      '<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml><graph><node id="&x;"/></graph></graphml>';
    expect(rejection(text(hostile), 'x.graphml').message).toMatch(/DOCTYPE/);
  });
});
