import type { SaxesTagPlain } from 'saxes';
import { dataKey, newAttributes } from './attributes';
import { PayloadBuilder } from './builder';
import { normalizeColor, rgbToHex } from './color';
import { DatasetError } from './errors';
import { AttributeTable } from './gexf-attributes';
import type { ParseLimits } from './limits';
import type { Attributes, DatasetPayload } from './payload';
import { parseNumber } from './values';
import { localName, readXml, type Where, type XmlListener } from './xml';

// gexf.net 1.0–1.3 (with or without www, "draft" suffixes) and Gephi's legacy namespace.
const KNOWN_NAMESPACE =
  /^https?:\/\/(www\.)?(gexf\.net\/1\.\d(draft)?|gephi\.org\/gexf(\/1\.\d(draft)?)?)\/?$/;
// Time bounds stay numbers when they look like numbers (timeformat double), text otherwise (dates).
const TIME_KEYS = new Set(['start', 'end', 'startopen', 'endopen', 'timestamp']);
const TEXT_ELEMENTS = new Set(['creator', 'description', 'keywords']);

type Attrs = Record<string, string>;

function hasKeys(attributes: Attributes): boolean {
  for (const _ in attributes) return true;
  return false;
}

function timeValue(raw: string): string | number {
  const value = parseNumber(raw);
  return value === undefined ? raw : value;
}

/**
 * Reads GEXF 1.0–1.3 as a stream of elements. State is a handful of fields (the open node stack,
 * the open edge, the attribute block being declared) rather than a tree, so memory stays
 * proportional to the graph, not the file.
 */
class GexfReader implements XmlListener {
  readonly builder: PayloadBuilder;
  readonly graphAttributes = newAttributes();
  sawGraph = false;
  private sawRoot = false;
  private inMeta = false;
  private readonly tables = { node: new AttributeTable('node'), edge: new AttributeTable('edge') };
  private declaringTable: AttributeTable | null = null;
  private declaring: ReturnType<AttributeTable['declare']> | null = null;
  private readonly nodeStack: number[] = [];
  private edge = -1;
  private edgeAttributes: Attributes | null = null;
  private edgeWeightSource: 'none' | 'element' | 'attvalue' = 'none';
  private badWeights = 0;
  private textElement: string | null = null;
  private textBuffer = '';

  constructor(
    private readonly file: string,
    limits: ParseLimits,
    private readonly where: Where,
  ) {
    this.builder = new PayloadBuilder(file, limits);
  }

  wantsText(): boolean {
    return this.textElement !== null;
  }

  text(text: string): void {
    this.textBuffer += text;
  }

  open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const a = tag.attributes;
    if (!this.sawRoot) return this.openRoot(name, a);
    switch (name) {
      case 'graph':
        return this.openGraph(a);
      case 'meta':
        this.inMeta = true;
        if (a.lastmodifieddate !== undefined)
          this.graphAttributes.lastModified = a.lastmodifieddate;
        return;
      case 'attributes':
        this.declaringTable =
          a.class === 'edge' ? this.tables.edge : a.class === 'node' ? this.tables.node : null;
        return;
      case 'attribute':
        if (this.declaringTable && a.id !== undefined) {
          this.declaring = this.declaringTable.declare(a.id, a.title, a.type);
        }
        return;
      case 'default':
        if (this.declaring) this.startText(name);
        return;
      case 'node':
        return this.openNode(a);
      case 'edge':
        return this.openEdge(a);
      case 'attvalue':
        return this.openAttvalue(a);
      case 'position':
      case 'size':
      case 'color':
      case 'thickness':
      case 'shape':
        return this.openViz(name, a);
      case 'spell':
        return this.openSpell(a);
      case 'parent':
        return this.openParent(a);
      default:
        if (this.inMeta && TEXT_ELEMENTS.has(name)) this.startText(name);
    }
  }

  close(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (this.textElement === name) return this.endText();
    switch (name) {
      case 'meta':
        this.inMeta = false;
        return;
      case 'attributes':
        this.declaringTable = null;
        return;
      case 'attribute':
        this.declaring = null;
        return;
      case 'node': {
        const node = this.nodeStack.pop();
        if (node !== undefined) this.tables.node.fillDefaults(this.builder.nodeAttributes[node]);
        return;
      }
      case 'edge':
        return this.closeEdge();
    }
  }

  warnings(): string[] {
    const warnings = [...this.tables.node.warnings(), ...this.tables.edge.warnings()];
    if (this.badWeights > 0) {
      warnings.push(`${this.badWeights} edge weight(s) were not numbers: used 1 instead.`);
    }
    return warnings;
  }

  private fail(problem: string): never {
    throw new DatasetError(this.file, problem, this.where());
  }

  private openRoot(name: string, a: Attrs): void {
    if (name !== 'gexf') this.fail(`expected a <gexf> root element, found <${name}>`);
    this.sawRoot = true;
    const namespace = a.xmlns;
    if (namespace !== undefined && !KNOWN_NAMESPACE.test(namespace)) {
      this.builder.warnings.push(
        `Unknown GEXF namespace "${namespace}": read the file as GEXF anyway.`,
      );
    }
    if (a.version !== undefined) this.graphAttributes.gexfVersion = a.version;
  }

  private openGraph(a: Attrs): void {
    // Hierarchical files may nest graphs; the outermost one sets the defaults.
    if (this.sawGraph) return;
    this.sawGraph = true;
    // The GEXF schema's default edge type is undirected.
    this.builder.directed = a.defaultedgetype === 'directed';
    for (const key in a) {
      if (key === 'defaultedgetype') continue;
      this.graphAttributes[dataKey(key)] = TIME_KEYS.has(key) ? timeValue(a[key]) : a[key];
    }
  }

  private openNode(a: Attrs): void {
    const id = a.id;
    if (id === undefined) this.fail('a <node> has no id attribute');
    const node = this.builder.addNode(id);
    const attributes = this.builder.nodeAttributes[node];
    for (const key in a) {
      if (key === 'id') continue;
      if (key === 'label') attributes.label = a.label;
      else attributes[dataKey(key)] = TIME_KEYS.has(key) ? timeValue(a[key]) : a[key];
    }
    // A node nested in another (hierarchical GEXF) remembers its parent, the way `pid` would.
    const parent = this.nodeStack[this.nodeStack.length - 1];
    if (parent !== undefined && attributes.pid === undefined)
      attributes.pid = this.builder.nodeIds[parent];
    this.nodeStack.push(node);
  }

  private openEdge(a: Attrs): void {
    const { source, target } = a;
    if (source === undefined || target === undefined)
      this.fail('an <edge> needs both source and target attributes');
    const type = a.type;
    const directed = type === undefined ? this.builder.directed : type === 'directed';
    let weight = 1;
    this.edgeWeightSource = 'none';
    if (a.weight !== undefined) {
      const parsed = parseNumber(a.weight);
      if (parsed === undefined || Number.isNaN(parsed)) this.badWeights++;
      else weight = parsed;
      this.edgeWeightSource = 'element';
    }
    this.edge = this.builder.addEdge(
      this.builder.nodeRef(source),
      this.builder.nodeRef(target),
      weight,
      directed,
    );
    this.edgeAttributes = null;
    for (const key in a) {
      if (
        key === 'source' ||
        key === 'target' ||
        key === 'type' ||
        key === 'weight' ||
        key === 'id'
      )
        continue;
      const attributes = this.currentEdgeAttributes();
      // An edge's label is its label, as for nodes and in every other format we read.
      if (key === 'label') attributes.label = a.label;
      else attributes[dataKey(key)] = TIME_KEYS.has(key) ? timeValue(a[key]) : a[key];
    }
  }

  private closeEdge(): void {
    if (this.edge === -1) return;
    const table = this.tables.edge;
    if (this.edgeWeightSource === 'none') {
      const fallback = table.defaultWeight();
      if (fallback !== undefined) this.builder.setEdgeWeight(this.edge, fallback);
    }
    if (table.withDefaults.length > 0) table.fillDefaults(this.currentEdgeAttributes());
    // A weight-only attvalue block leaves an empty table: not worth an entry per edge.
    if (this.edgeAttributes && hasKeys(this.edgeAttributes)) {
      this.builder.setEdgeAttributes(this.edge, this.edgeAttributes);
    }
    this.edge = -1;
    this.edgeAttributes = null;
  }

  private currentEdgeAttributes(): Attributes {
    this.edgeAttributes ??= newAttributes();
    return this.edgeAttributes;
  }

  /** The attributes of the element that a child such as `<attvalue>` or `<viz:color>` belongs to. */
  private currentTarget(): Attributes | null {
    if (this.edge !== -1) return this.currentEdgeAttributes();
    const node = this.nodeStack[this.nodeStack.length - 1];
    return node === undefined ? null : this.builder.nodeAttributes[node];
  }

  private openAttvalue(a: Attrs): void {
    // GEXF 1.0 wrote `id` where later versions write `for`.
    const forId = a.for ?? a.id;
    const raw = a.value;
    const target = this.currentTarget();
    if (forId === undefined || raw === undefined || target === null) return;
    if (this.edge !== -1) {
      const table = this.tables.edge;
      const weight = table.apply(target, forId, raw, 'an edge');
      if (weight === undefined) return;
      if (this.edgeWeightSource === 'attvalue') table.extraTimedValues++;
      else if (this.edgeWeightSource === 'none') this.builder.setEdgeWeight(this.edge, weight);
      if (this.edgeWeightSource === 'none') this.edgeWeightSource = 'attvalue';
      return;
    }
    const node = this.nodeStack[this.nodeStack.length - 1];
    this.tables.node.apply(target, forId, raw, `node "${this.builder.nodeIds[node]}"`);
  }

  private openViz(name: string, a: Attrs): void {
    const target = this.currentTarget();
    if (target === null) return;
    switch (name) {
      case 'position': {
        const x = a.x === undefined ? undefined : parseNumber(a.x);
        const y = a.y === undefined ? undefined : parseNumber(a.y);
        if (x !== undefined && Number.isFinite(x)) target.x = x;
        if (y !== undefined && Number.isFinite(y)) target.y = y;
        return;
      }
      case 'size':
      case 'thickness': {
        const value = a.value === undefined ? undefined : parseNumber(a.value);
        if (value !== undefined && Number.isFinite(value)) target[name] = value;
        return;
      }
      case 'color':
        if (a.hex !== undefined) target.color = normalizeColor(a.hex);
        else if (a.r !== undefined && a.g !== undefined && a.b !== undefined) {
          target.color = rgbToHex(Number(a.r) || 0, Number(a.g) || 0, Number(a.b) || 0);
        }
        return;
      case 'shape':
        if (a.value !== undefined) target.shape = a.value;
        return;
    }
  }

  /** Spells (time intervals of presence) are kept as "start/end" texts, ISO 8601 interval style. */
  private openSpell(a: Attrs): void {
    const target = this.currentTarget();
    if (target === null) return;
    const spell = a.timestamp ?? `${a.start ?? a.startopen ?? ''}/${a.end ?? a.endopen ?? ''}`;
    const spells = target.spells;
    if (Array.isArray(spells)) (spells as string[]).push(spell);
    else target.spells = [spell];
  }

  private openParent(a: Attrs): void {
    const target = this.currentTarget();
    if (target === null || a.for === undefined) return;
    const parents = target.parents;
    if (Array.isArray(parents)) (parents as string[]).push(a.for);
    else target.parents = [a.for];
  }

  private startText(element: string): void {
    this.textElement = element;
    this.textBuffer = '';
  }

  private endText(): void {
    const element = this.textElement;
    const text = this.textBuffer.trim();
    this.textElement = null;
    this.textBuffer = '';
    if (element === 'default') {
      if (this.declaring && this.declaringTable)
        this.declaringTable.setDefault(this.declaring, text);
    } else if (element !== null && text !== '') {
      this.graphAttributes[element] = text;
    }
  }
}

/** Parses a GEXF file (already decompressed) into a payload. Throws DatasetError naming the file. */
export function parseGexf(bytes: Uint8Array, file: string, limits: ParseLimits): DatasetPayload {
  const reader = readXml(bytes, file, (where) => new GexfReader(file, limits, where));
  if (!reader.sawGraph) throw new DatasetError(file, 'the GEXF file has no <graph> element');
  reader.builder.warnings.push(...reader.warnings());
  return reader.builder.finish(file, 'gexf', reader.graphAttributes);
}
