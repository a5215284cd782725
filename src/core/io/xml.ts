import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { decodeChunks } from './bytes';
import { DatasetError } from './errors';

/** What a format reader does with the stream of XML events. */
export interface XmlListener {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  /** Text and CDATA content; only called while `wantsText()` is true. */
  text(text: string): void;
  wantsText(): boolean;
}

/** Where the parser is, for error messages: "line 12, column 5". */
export type Where = () => string;

export const DOCTYPE_REFUSED =
  'the file has a DOCTYPE (DTD) declaration, which network files never need; it is refused because ' +
  'entity declarations can expand without bound ("billion laughs") or point at other files';

/** The element name without its namespace prefix: `viz:color` → `color`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Streams `bytes` through saxes, which expands no DTD entities and never touches the network or
 * disk. Namespace processing is off for speed: readers match local names, which also lets slightly
 * wrong namespace declarations (common in hand-written files) through.
 */
export function readXml<L extends XmlListener>(
  bytes: Uint8Array,
  file: string,
  makeListener: (where: Where) => L,
): L {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const where: Where = () => `line ${parser.line}, column ${parser.column + 1}`;
  const listener = makeListener(where);
  parser.on('opentag', (tag) => listener.open(tag));
  parser.on('closetag', (tag) => listener.close(tag));
  parser.on('text', (text) => {
    if (listener.wantsText()) listener.text(text);
  });
  parser.on('cdata', (text) => {
    if (listener.wantsText()) listener.text(text);
  });
  parser.on('doctype', () => {
    throw new DatasetError(file, DOCTYPE_REFUSED, where());
  });
  parser.on('error', (error) => {
    // saxes prefixes "line:column: "; we say where in our own words.
    const message = error.message.replace(/^\d+:\d+: /, '');
    throw new DatasetError(file, `not well-formed XML: ${message}`, where());
  });
  for (const chunk of decodeChunks(bytes)) parser.write(chunk);
  parser.close();
  return listener;
}
