import type { SaxesTagPlain } from 'saxes';
import { dataKey, newAttributes } from './attributes';
import { PayloadBuilder } from './builder';
import { normalizeColor, rgbToHex } from './color';
import { DatasetError } from './errors';
import { KeyTable, type Domain, type GraphmlKey } from './graphml-keys';
import type { ParseLimits } from './limits';
import type { Attributes, DatasetPayload } from './payload';
import { parseNumber, parseTyped } from './values';
import { localName, readXml, type Where, type XmlListener } from './xml';

type Attrs = Record<string, string>;

function hasKeys(attributes: Attributes): boolean {
  for (const _ in attributes) return true;
  return false;
}

/**
 * Reads GraphML as a stream: keys (declared anywhere, per domain, `for="all"` shared), nodes and
 * edges of nested graphs flattened into one, per-edge `directed`, parallel edges, defaults, CDATA,
 * and the node graphics of yEd files (position, fill colour, label).
 */
class GraphmlReader implements XmlListener {
  readonly builder: PayloadBuilder;
  readonly graphAttributes = newAttributes();
  sawGraph = false;
  private sawRoot = false;
  private readonly tables = {
    node: new KeyTable('node'),
    edge: new KeyTable('edge'),
    graph: new KeyTable('graph'),
  };
  /** The keys a `<key>` element declared (several for `for="all"`), for its `<default>`. */
  private declaring: { table: KeyTable; key: GraphmlKey }[] = [];
  private readonly nodeStack: number[] = [];
  private edge = -1;
  private edgeAttributes: Attributes | null = null;
  /** Key ids given a value on the open node or edge, so defaults fill only the rest. */
  private readonly seen: string[] = [];
  private rgb: [number, number, number] = [NaN, NaN, NaN];
  private dataKey: GraphmlKey | null = null;
  private yfilesData = false;
  /** Inside <hyperedge> or <port>: their data has no place in a simple graph. */
  private skipDepth = 0;
  private hyperedges = 0;
  private badValues = 0;
  private firstBadValue = '';
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
    if (!this.sawRoot) {
      if (name !== 'graphml') this.fail(`expected a <graphml> root element, found <${name}>`);
      this.sawRoot = true;
      return;
    }
    if (this.yfilesData) return this.openYfiles(name, a);
    switch (name) {
      case 'key':
        return this.openKey(a);
      case 'default':
        if (this.declaring.length > 0) this.startText(name);
        return;
      case 'graph':
        if (!this.sawGraph) {
          this.sawGraph = true;
          // edgedefault is required by the schema; NetworkX and igraph read a missing one as directed.
          this.builder.directed = a.edgedefault !== 'undirected';
        }
        return;
      case 'node':
        return this.openNode(a);
      case 'edge':
        return this.openEdge(a);
      case 'hyperedge':
        this.hyperedges++;
        this.skipDepth++;
        return;
      case 'port':
        this.skipDepth++;
        return;
      case 'data':
        return this.openData(a);
    }
  }

  close(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (this.textElement === name) return this.endText();
    switch (name) {
      case 'key':
        this.declaring = [];
        return;
      case 'data':
        this.dataKey = null;
        this.yfilesData = false;
        return;
      case 'hyperedge':
      case 'port':
        this.skipDepth--;
        return;
      case 'node':
        return this.closeNode();
      case 'edge':
        return this.closeEdge();
    }
  }

  warnings(): string[] {
    const warnings: string[] = [];
    for (const table of [this.tables.node, this.tables.edge, this.tables.graph]) {
      if (table.undeclared.size === 0) continue;
      const names = [...table.undeclared].slice(0, 5).map((id) => `"${id}"`);
      warnings.push(
        `${table.domain} data for undeclared key(s) ${names.join(', ')}: kept it as text.`,
      );
    }
    if (this.badValues > 0) {
      warnings.push(
        `${this.badValues} value(s) did not match their key's type (first: ${this.firstBadValue}): kept them as text.`,
      );
    }
    if (this.hyperedges > 0)
      warnings.push(`${this.hyperedges} hyperedge(s) skipped: only simple edges are shown.`);
    return warnings;
  }

  private fail(problem: string): never {
    throw new DatasetError(this.file, problem, this.where());
  }

  private openKey(a: Attrs): void {
    const id = a.id;
    if (id === undefined) return;
    const scope = a.for ?? 'all';
    const domains: Domain[] =
      scope === 'all'
        ? ['node', 'edge', 'graph']
        : scope === 'node' || scope === 'edge' || scope === 'graph'
          ? [scope]
          : [];
    const yfiles = a['yfiles.type'] !== undefined;
    this.declaring = domains.map((domain) => {
      const table = this.tables[domain];
      return { table, key: table.declare(id, a['attr.name'], a['attr.type'], yfiles) };
    });
  }

  private openNode(a: Attrs): void {
    if (this.skipDepth > 0) return;
    const id = a.id;
    if (id === undefined) this.fail('a <node> has no id attribute');
    this.nodeStack.push(this.builder.addNode(id));
    this.seen.length = 0;
    this.rgb = [NaN, NaN, NaN];
  }

  private closeNode(): void {
    if (this.skipDepth > 0) return;
    if (this.nodeStack.length === 0) return;
    // Defaults first: they are written to the node on top of the stack.
    this.fillDefaults(this.tables.node);
    const attributes = this.builder.nodeAttributes[this.nodeStack.pop() as number];
    const [r, g, b] = this.rgb;
    if (attributes.color === undefined && Number.isFinite(r + g + b))
      attributes.color = rgbToHex(r, g, b);
  }

  private openEdge(a: Attrs): void {
    if (this.skipDepth > 0) return;
    const { source, target } = a;
    if (source === undefined || target === undefined)
      this.fail('an <edge> needs both source and target attributes');
    const directed =
      a.directed === 'true' ? true : a.directed === 'false' ? false : this.builder.directed;
    this.edge = this.builder.addEdge(
      this.builder.nodeRef(source),
      this.builder.nodeRef(target),
      1,
      directed,
    );
    this.edgeAttributes = null;
    this.seen.length = 0;
  }

  private closeEdge(): void {
    if (this.edge === -1) return;
    this.fillDefaults(this.tables.edge);
    if (this.edgeAttributes && hasKeys(this.edgeAttributes)) {
      this.builder.setEdgeAttributes(this.edge, this.edgeAttributes);
    }
    this.edge = -1;
    this.edgeAttributes = null;
  }

  private domain(): Domain {
    if (this.edge !== -1) return 'edge';
    return this.nodeStack.length > 0 ? 'node' : 'graph';
  }

  private target(domain: Domain): Attributes {
    if (domain === 'edge') return (this.edgeAttributes ??= newAttributes());
    if (domain === 'node')
      return this.builder.nodeAttributes[this.nodeStack[this.nodeStack.length - 1]];
    return this.graphAttributes;
  }

  private openData(a: Attrs): void {
    if (this.skipDepth > 0 || a.key === undefined) return;
    const key = this.tables[this.domain()].get(a.key);
    this.seen.push(key.id);
    if (key.yfiles) this.yfilesData = true;
    else {
      this.dataKey = key;
      this.startText('data');
    }
  }

  private fillDefaults(table: KeyTable): void {
    for (const key of table.withDefaults) {
      if (key.defaultText !== undefined && !this.seen.includes(key.id))
        this.apply(key, key.defaultText);
    }
  }

  /** Stores one value according to its key's role (see graphml-keys.ts). */
  private apply(key: GraphmlKey, raw: string): void {
    const domain = this.domain();
    const target = this.target(domain);
    const text = raw.trim();
    switch (key.role) {
      case 'label':
        target.label = text;
        return;
      case 'color':
        target.color = normalizeColor(text);
        return;
      case 'x':
      case 'y':
      case 'size':
      case 'r':
      case 'g':
      case 'b':
      case 'weight': {
        const value = parseNumber(text);
        if (value === undefined || !Number.isFinite(value)) break;
        if (key.role === 'weight') this.builder.setEdgeWeight(this.edge, value);
        else if (key.role === 'r' || key.role === 'g' || key.role === 'b')
          this.rgb['rgb'.indexOf(key.role)] = value;
        else target[key.role] = value;
        return;
      }
      case 'pos': {
        const value = parseTyped('list-number', text);
        if (!Array.isArray(value) || value.length < 2) break;
        target.x = value[0] as number;
        target.y = value[1] as number;
        return;
      }
      case 'data': {
        const value = parseTyped(key.kind, text);
        if (value !== undefined) {
          target[key.key] = value;
          return;
        }
      }
    }
    // A value that did not fit: kept as text, counted for the warning.
    if (this.badValues === 0) this.firstBadValue = `"${text.slice(0, 40)}" for key "${key.id}"`;
    this.badValues++;
    target[key.role === 'data' ? key.key : dataKey(key.key)] = text;
  }

  /** yEd's graphics: centre of the Geometry box (y flipped: yEd's y grows downwards), fill, label. */
  private openYfiles(name: string, a: Attrs): void {
    const domain = this.domain();
    if (domain === 'graph') return;
    const target = this.target(domain);
    if (name === 'Geometry' && domain === 'node') {
      const [x, y, w, h] = [a.x, a.y, a.width, a.height].map((v) =>
        v === undefined ? NaN : Number(v),
      );
      if (Number.isFinite(x + y + w + h)) {
        target.x = x + w / 2;
        target.y = -(y + h / 2);
        target.size = Math.min(w, h) / 2;
      }
    } else if (
      (name === 'Fill' || name === 'LineStyle') &&
      a.color !== undefined &&
      target.color === undefined
    ) {
      target.color = normalizeColor(a.color);
    } else if ((name === 'NodeLabel' || name === 'EdgeLabel') && target.label === undefined) {
      this.startText(name);
    }
  }

  private startText(element: string): void {
    this.textElement = element;
    this.textBuffer = '';
  }

  private endText(): void {
    const element = this.textElement;
    const text = this.textBuffer;
    this.textElement = null;
    this.textBuffer = '';
    if (element === 'data') {
      if (this.dataKey) this.apply(this.dataKey, text);
      this.dataKey = null;
    } else if (element === 'default') {
      for (const { table, key } of this.declaring) table.setDefault(key, text);
    } else if (text.trim() !== '') {
      this.target(this.domain()).label = text.trim();
    }
  }
}

/** Parses a GraphML file (already decompressed) into a payload. Throws DatasetError naming the file. */
export function parseGraphml(bytes: Uint8Array, file: string, limits: ParseLimits): DatasetPayload {
  const reader = readXml(bytes, file, (where) => new GraphmlReader(file, limits, where));
  if (!reader.sawGraph) throw new DatasetError(file, 'the GraphML file has no <graph> element');
  reader.builder.warnings.push(...reader.warnings());
  return reader.builder.finish(file, 'graphml', reader.graphAttributes);
}
