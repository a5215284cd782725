import { normalizeColor } from '../io/color';
import type { AttributeValue, Attributes } from '../io/payload';
import {
  ADOPTION_TIME_KEY,
  EDGE_RESERVED,
  NODE_RESERVED,
  adoptionOf,
  colorOf,
  columnsOf,
  edgeIsDirected,
  positionOf,
  type Column,
  type ExportExtras,
  type ExportGraph,
} from './graph';

export interface GexfOptions extends ExportExtras {
  /** Written into `<meta><creator>`. */
  creator?: string;
  /** Written into `<meta><description>`; defaults to the graph's own description. */
  description?: string;
}

/**
 * Characters XML 1.0 cannot carry at all, not even as `&#…;` references (C0 controls other than
 * tab, newline and carriage return; U+FFFE/U+FFFF; unpaired surrogates). They become U+FFFD so the
 * file stays well-formed.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"'\t\n\r]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // In attribute values a parser turns literal tab and line breaks into spaces: keep them as references.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text safe inside a double-quoted XML attribute or element content. */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD').replace(XML_SPECIAL, (c) => ENTITIES[c]);
}

/** Numbers as the GEXF readers (ours, Gephi's) read them back, infinities included. */
function formatNumber(value: number): string {
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

function quoteItem(item: string): string {
  return `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** GEXF list values: `[a, b]`; strings quoted so commas, brackets and pipes inside them survive. */
function formatValue(value: AttributeValue): string {
  if (Array.isArray(value)) {
    const items = (value as (string | number | boolean)[]).map((item) =>
      typeof item === 'string'
        ? quoteItem(item)
        : typeof item === 'number'
          ? formatNumber(item)
          : String(item),
    );
    return `[${items.join(', ')}]`;
  }
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function attr(name: string, value: string | number): string {
  return ` ${name}="${typeof value === 'number' ? formatNumber(value) : escapeXml(value)}"`;
}

/** A declared column: `id` is what attvalues refer to; the title is the key people see. */
interface Declared extends Column {
  id: string;
}

function declare(columns: Column[], prefix: string): Declared[] {
  return columns.map((column, i) => ({ ...column, id: `${prefix}${i}` }));
}

function declarations(
  out: string[],
  className: 'node' | 'edge',
  mode: 'static' | 'dynamic',
  columns: readonly Declared[],
): void {
  if (columns.length === 0) return;
  out.push(`    <attributes class="${className}" mode="${mode}">`);
  for (const c of columns) {
    out.push(`      <attribute${attr('id', c.id)}${attr('title', c.key)}${attr('type', c.type)}/>`);
  }
  out.push('    </attributes>');
}

/** The `<attvalue>`s of one element; values of the wrong shape for their column are stringified. */
function attvalues(
  out: string[],
  attributes: Attributes,
  columns: readonly Declared[],
  extra: string[],
): void {
  let opened = false;
  for (const column of columns) {
    const value = attributes[column.key];
    if (value === undefined || value === null) continue;
    if (!opened) {
      out.push('        <attvalues>');
      opened = true;
    }
    out.push(`          <attvalue${attr('for', column.id)}${attr('value', formatValue(value))}/>`);
  }
  if (extra.length > 0 && !opened) {
    out.push('        <attvalues>');
    opened = true;
  }
  for (const line of extra) out.push(line);
  if (opened) out.push('        </attvalues>');
}

function hexToRgb(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(normalizeColor(color));
  if (!hex) return null;
  const n = parseInt(hex[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function vizColor(color: unknown): string | null {
  const rgb = typeof color === 'string' ? hexToRgb(color) : null;
  return rgb ? `<viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>` : null;
}

function timeText(time: number, unit: ExportExtras['timeUnit']): string {
  if (unit === 'epoch-ms') {
    const date = new Date(time);
    return Number.isNaN(date.getTime()) ? formatNumber(time) : date.toISOString();
  }
  return formatNumber(time);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Serialises a graph as GEXF 1.3 for Gephi: declared, typed node and edge attributes, weights, viz
 * positions, sizes and colours, and (when `adoptionTimes` are given) each person's adoption time
 * as a dynamic attribute whose value starts at that time, so that Gephi's timeline can play the
 * spread. Hours use `timeformat="double"`, epoch milliseconds `timeformat="dateTime"`.
 */
export function toGexf(graph: ExportGraph, options: GexfOptions = {}): string {
  const times = options.adoptionTimes ?? null;
  const dynamic = times !== null;
  const unit = options.timeUnit ?? 'hours';
  const nodeSkip = new Set(NODE_RESERVED);
  // A re-exported file already has an adoption column: the new times replace it.
  if (dynamic) nodeSkip.add(ADOPTION_TIME_KEY);
  const nodeColumns = declare(columnsOf(graph.nodeAttributes, nodeSkip), 'n');
  const edgeColumns = declare(columnsOf(graph.edgeAttributes ?? [], EDGE_RESERVED), 'e');
  const mixed = graph.edgeDirected !== undefined;

  const graphAttributes = graph.graphAttributes ?? {};
  const description = options.description ?? graphAttributes.description;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    `    <creator>${escapeXml(options.creator ?? 'Wordspread')}</creator>`,
  ];
  if (typeof description === 'string')
    out.push(`    <description>${escapeXml(description)}</description>`);
  out.push('  </meta>');
  const timeAttributes = dynamic
    ? ` mode="dynamic" timeformat="${unit === 'epoch-ms' ? 'dateTime' : 'double'}" timerepresentation="interval"`
    : ' mode="static"';
  out.push(
    `  <graph defaultedgetype="${graph.directed ? 'directed' : 'undirected'}"${timeAttributes}>`,
  );
  declarations(out, 'node', 'static', nodeColumns);
  if (dynamic) {
    out.push('    <attributes class="node" mode="dynamic">');
    out.push(`      <attribute id="adoption"${attr('title', ADOPTION_TIME_KEY)} type="double"/>`);
    out.push('    </attributes>');
  }
  declarations(out, 'edge', 'static', edgeColumns);

  out.push('    <nodes>');
  const { nodeIds, nodeAttributes } = graph;
  for (let n = 0; n < nodeIds.length; n++) {
    const attributes = nodeAttributes[n];
    const label = attributes.label;
    out.push(
      `      <node${attr('id', nodeIds[n])}${typeof label === 'string' ? attr('label', label) : ''}>`,
    );
    const adoption = adoptionOf(options, n);
    const extra =
      adoption === null
        ? []
        : [
            `          <attvalue for="adoption"${attr('value', adoption)}${attr('start', timeText(adoption, unit))}/>`,
          ];
    attvalues(out, attributes, nodeColumns, extra);
    const color = vizColor(colorOf(graph, options, n));
    if (color) out.push(`        ${color}`);
    const position = positionOf(graph, options, n);
    if (position)
      out.push(`        <viz:position${attr('x', position[0])}${attr('y', position[1])} z="0"/>`);
    if (finite(attributes.size)) out.push(`        <viz:size${attr('value', attributes.size)}/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>');

  out.push('    <edges>');
  const { edgeSources, edgeTargets, edgeWeights } = graph;
  for (let e = 0; e < edgeSources.length; e++) {
    const attributes = graph.edgeAttributes?.[e];
    const label = attributes?.label;
    const type = mixed ? attr('type', edgeIsDirected(graph, e) ? 'directed' : 'undirected') : '';
    out.push(
      `      <edge${attr('id', e)}${attr('source', nodeIds[edgeSources[e]])}${attr('target', nodeIds[edgeTargets[e]])}` +
        `${type}${attr('weight', edgeWeights[e])}${typeof label === 'string' ? attr('label', label) : ''}>`,
    );
    if (attributes) {
      attvalues(out, attributes, edgeColumns, []);
      const color = vizColor(attributes.color);
      if (color) out.push(`        ${color}`);
      if (finite(attributes.thickness))
        out.push(`        <viz:thickness${attr('value', attributes.thickness)}/>`);
    }
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}
