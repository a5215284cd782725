/**
 * Text as search and grouping compare it: lower case, accents dropped ("Élodie" → "elodie",
 * "São Paulo" → "sao paulo"), so that a person typing on any keyboard finds the same people.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
