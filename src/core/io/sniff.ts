import { detectEncoding, isGzip } from './bytes';
import { PAJEK_START } from './pajek';

/**
 * What a file is, judged from its first bytes rather than its name: people rename files, and
 * downloads lose their extensions.
 */
export type Sniffed =
  | { kind: 'gzip' }
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'binary' }
  | { kind: 'json' }
  | { kind: 'pajek' }
  | { kind: 'xml'; root: string; doctype: boolean }
  | { kind: 'text' };

const HEAD_BYTES = 64 * 1024;

/** A NUL or a run of control characters means binary data (an image, an archive…), not text. */
function looksBinary(bytes: Uint8Array, encoding: string): boolean {
  if (encoding.startsWith('utf-16')) return false;
  let control = 0;
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > end / 100;
}

/**
 * The root element's local name (prefix dropped, lower-cased), skipping the XML declaration,
 * comments and processing instructions; notes a DOCTYPE on the way, since we refuse those.
 */
function xmlRoot(text: string): { root: string; doctype: boolean } {
  let i = 0;
  let doctype = false;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end === -1) break;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end === -1) break;
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      // <!DOCTYPE …>: whatever follows, the file will be refused; no need to find its end.
      doctype = true;
      break;
    } else {
      break;
    }
  }
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
  const qualified = name ? name[1] : '';
  return { root: qualified.slice(qualified.indexOf(':') + 1).toLowerCase(), doctype };
}

/** Pajek files may open with `%` comment lines before their first `*Vertices`. */
function skipPercentComments(text: string): string {
  let at = 0;
  while (text.charCodeAt(at) === 37 /* % */) {
    const end = text.indexOf('\n', at);
    if (end === -1) return '';
    at = end + 1;
    while (at < text.length && /\s/.test(text[at])) at++;
  }
  return text.slice(at);
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (isGzip(bytes)) return { kind: 'gzip' };
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 3 &&
    bytes[3] === 4
  ) {
    return { kind: 'zip' };
  }
  const encoding = detectEncoding(bytes);
  if (looksBinary(bytes, encoding)) return { kind: 'binary' };
  const head = new TextDecoder(encoding).decode(bytes.subarray(0, HEAD_BYTES));
  const text = head.replace(/^[\s\uFEFF]+/, '');
  if (text === '') return { kind: 'empty' };
  if (text[0] === '<') return { kind: 'xml', ...xmlRoot(text) };
  if (text[0] === '{' || text[0] === '[') return { kind: 'json' };
  if (PAJEK_START.test(skipPercentComments(text))) return { kind: 'pajek' };
  return { kind: 'text' };
}
