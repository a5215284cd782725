import { dataKey } from './attributes';
import { valueKind, type ValueKind } from './values';

export type Domain = 'node' | 'edge' | 'graph';

/**
 * What a GraphML column means to us. GraphML has no drawing vocabulary, so we follow the names
 * that Gephi, graph-tool and NetworkX write: label, x, y, size, r/g/b or color, graph-tool's
 * `pos` vector, and an edge `weight`. Everything else is the file's own data.
 */
export type Role =
  'data' | 'label' | 'x' | 'y' | 'size' | 'r' | 'g' | 'b' | 'color' | 'pos' | 'weight';

export interface GraphmlKey {
  id: string;
  /** Where a `data` role value is stored in the payload. */
  key: string;
  kind: ValueKind;
  role: Role;
  /** The `<default>` text, applied to elements that give no value. */
  defaultText: string | undefined;
  /** yFiles graphics keys hold XML, not text; the reader reads their shapes instead. */
  yfiles: boolean;
}

const NODE_ROLES: Record<string, Role> = {
  label: 'label',
  x: 'x',
  y: 'y',
  size: 'size',
  r: 'r',
  g: 'g',
  b: 'b',
  color: 'color',
  colour: 'color',
};

function roleFor(domain: Domain, name: string, kind: ValueKind): Role {
  const lower = name.toLowerCase();
  if (domain === 'node') {
    if (lower === 'pos' && kind === 'list-number') return 'pos';
    return NODE_ROLES[lower] ?? 'data';
  }
  if (domain === 'edge') {
    if (lower === 'weight' && (kind === 'number' || kind === 'string')) return 'weight';
    if (lower === 'label' || lower === 'color') return lower;
  }
  return 'data';
}

/** The keys of one domain (node, edge or graph), by id. */
export class KeyTable {
  private readonly byId = new Map<string, GraphmlKey>();
  private readonly usedKeys = new Set<string>();
  readonly withDefaults: GraphmlKey[] = [];
  readonly undeclared = new Set<string>();

  constructor(readonly domain: Domain) {}

  declare(
    id: string,
    name: string | undefined,
    type: string | undefined,
    yfiles: boolean,
  ): GraphmlKey {
    const previous = this.byId.get(id);
    if (previous) this.remove(previous);
    const label = name && name.trim() !== '' ? name : id;
    const kind = valueKind(type);
    let key = dataKey(label);
    // Two keys with one name would overwrite each other: the second keeps its id as well.
    if (this.usedKeys.has(key)) key = `${key} (${id})`;
    this.usedKeys.add(key);
    const declared: GraphmlKey = {
      id,
      key,
      kind,
      role: roleFor(this.domain, label, kind),
      defaultText: undefined,
      yfiles,
    };
    this.byId.set(id, declared);
    return declared;
  }

  setDefault(key: GraphmlKey, text: string): void {
    if (key.defaultText === undefined) this.withDefaults.push(key);
    key.defaultText = text;
  }

  /** The key for `id`; a key used but never declared is declared on the spot, as text (lenient). */
  get(id: string): GraphmlKey {
    const known = this.byId.get(id);
    if (known) return known;
    this.undeclared.add(id);
    return this.declare(id, id, 'string', false);
  }

  private remove(key: GraphmlKey): void {
    this.usedKeys.delete(key.key);
    const index = this.withDefaults.indexOf(key);
    if (index !== -1) this.withDefaults.splice(index, 1);
  }
}
