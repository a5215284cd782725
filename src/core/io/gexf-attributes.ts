import { dataKey } from './attributes';
import type { AttributeValue, Attributes } from './payload';
import { parseTyped, valueKind, type ValueKind } from './values';

/** One `<attribute>` declaration of a GEXF `<attributes class="node|edge">` block. */
export interface AttributeDeclaration {
  id: string;
  /** The key in the payload: the title (what people named the column), kept apart from reserved keys. */
  key: string;
  kind: ValueKind;
  defaultValue: AttributeValue | undefined;
  /** Edge columns named "weight" feed the edge weight (dynamic GEXF declares weight this way). */
  isWeight: boolean;
}

/**
 * The declared columns of one class, and what went wrong while filling them. Reading a value goes
 * through here so that type errors, undeclared columns and time-varying values are counted once
 * and reported as a few plain warnings instead of failing the file.
 */
export class AttributeTable {
  private readonly byId = new Map<string, AttributeDeclaration>();
  private readonly usedKeys = new Set<string>();
  readonly withDefaults: AttributeDeclaration[] = [];
  readonly undeclared = new Set<string>();
  badValues = 0;
  firstBadValue = '';
  /** Values beyond the first for one column of one element (dynamic GEXF: one per time). */
  extraTimedValues = 0;

  constructor(readonly className: 'node' | 'edge') {}

  declare(id: string, title: string | undefined, type: string | undefined): AttributeDeclaration {
    let key = dataKey(title && title.trim() !== '' ? title : id);
    // Two columns with one title would overwrite each other: the second keeps its id as well.
    if (this.usedKeys.has(key)) key = `${key} (${id})`;
    this.usedKeys.add(key);
    const kind = valueKind(type);
    const isWeight =
      this.className === 'edge' &&
      kind === 'number' &&
      (id.toLowerCase() === 'weight' || key.toLowerCase() === 'weight');
    const declaration = { id, key, kind, defaultValue: undefined, isWeight };
    this.byId.set(id, declaration);
    return declaration;
  }

  setDefault(declaration: AttributeDeclaration, raw: string): void {
    const value = this.parse(declaration, raw, 'default');
    if (declaration.defaultValue === undefined) this.withDefaults.push(declaration);
    declaration.defaultValue = value;
  }

  /**
   * Stores one `<attvalue>` on `target`. Returns the number when it is a weight column (the caller
   * sets the edge weight), otherwise undefined.
   */
  apply(target: Attributes, forId: string, raw: string, element: string): number | undefined {
    const declaration = this.byId.get(forId);
    if (!declaration) {
      // Lenient: a value for a column nobody declared is kept as text under its id.
      this.undeclared.add(forId);
      const key = dataKey(forId);
      if (key in target) this.extraTimedValues++;
      else target[key] = raw;
      return undefined;
    }
    if (declaration.key in target) {
      this.extraTimedValues++;
      return undefined;
    }
    const value = this.parse(declaration, raw, element);
    if (declaration.isWeight && typeof value === 'number') return value;
    target[declaration.key] = value;
    return undefined;
  }

  /** Fills declared defaults the element did not set. */
  fillDefaults(target: Attributes): void {
    for (const declaration of this.withDefaults) {
      if (declaration.isWeight) continue; // the reader turns it into the edge weight
      if (!(declaration.key in target) && declaration.defaultValue !== undefined) {
        target[declaration.key] = declaration.defaultValue;
      }
    }
  }

  /** The declared default weight, if the file gives one. */
  defaultWeight(): number | undefined {
    const value = this.withDefaults.find((d) => d.isWeight)?.defaultValue;
    return typeof value === 'number' ? value : undefined;
  }

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.undeclared.size > 0) {
      const names = [...this.undeclared].slice(0, 5).map((id) => `"${id}"`);
      warnings.push(
        `${this.className} values for undeclared attribute(s) ${names.join(', ')}: kept them as text.`,
      );
    }
    if (this.badValues > 0) {
      warnings.push(
        `${this.badValues} ${this.className} value(s) did not match their declared type (first: ${this.firstBadValue}): kept them as text.`,
      );
    }
    if (this.extraTimedValues > 0) {
      warnings.push(
        `${this.extraTimedValues} extra ${this.className} value(s) over time (dynamic GEXF): kept the first value of each attribute.`,
      );
    }
    return warnings;
  }

  private parse(declaration: AttributeDeclaration, raw: string, element: string): AttributeValue {
    const value = parseTyped(declaration.kind, raw);
    if (value !== undefined) return value;
    if (this.badValues === 0) {
      this.firstBadValue = `"${raw.slice(0, 40)}" for "${declaration.key}" on ${element}`;
    }
    this.badValues++;
    return raw;
  }
}
