import { foldText } from './text';

/** A place people wrote in a profile, reduced to the key that groups it, and how to show it. */
export interface City {
  /** Folded, lower case, without region or country: "portland", "sao paulo". */
  key: string;
  /** The words as written, trimmed to the city part: "Portland", "São Paulo". */
  name: string;
}

/** Common ways of writing the same city. Keys are folded. */
const ALIASES: Record<string, string> = {
  nyc: 'new york',
  ny: 'new york',
  'new york city': 'new york',
  'nueva york': 'new york',
  sf: 'san francisco',
  dc: 'washington',
  'washington dc': 'washington',
  'washington d c': 'washington',
  rome: 'roma',
  milan: 'milano',
  'mexico city': 'ciudad de mexico',
  cdmx: 'ciudad de mexico',
};

/** Profile "locations" that say nothing about a place. Keys are folded. */
const NOT_PLACES = new Set([
  'earth',
  'planet earth',
  'world',
  'worldwide',
  'the world',
  'everywhere',
  'anywhere',
  'somewhere',
  'nowhere',
  'global',
  'internet',
  'the internet',
  'online',
  'online',
  'remote',
  'home',
  'here',
  'there',
  'n a',
  'na',
  'none',
  'unknown',
  'your heart',
]);

const PRONOUNS = /\b(she|he|they|it|xe|ze)\s*\/\s*(her|him|them|its|xem|zir|they|she|he)\b/i;

/**
 * The city in a free-text location: the part before the first comma (or dash, slash, bullet…),
 * folded, with symbols and emoji dropped, so that "Portland, OR", "portland" and "PORTLAND 🌲" are
 * one group. Null when the text names no place we can tell (empty, a link, pronouns, "Earth").
 */
export function normalizeCity(location: string | null | undefined): City | null {
  if (!location) return null;
  const text = location.trim();
  if (text === '' || /https?:\/\/|www\./i.test(text) || PRONOUNS.test(text)) return null;
  const first = text.split(/[,;|•·/\n()[\]]| - | – | — /)[0] ?? '';
  const name = first
    .replace(/[#@]\S*/g, ' ')
    .replace(/[^\p{L}\p{M}\p{N}\s'.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.'-]+|[\s.'-]+$/g, '');
  const folded = foldText(name).replace(/[.'-]/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded.length < 2 || /^\d+$/.test(folded.replace(/\s/g, '')) || NOT_PLACES.has(folded))
    return null;
  return { key: ALIASES[folded] ?? folded, name };
}
