/**
 * Colours in the payload are `#rrggbb` so that sigma parses them (it silently renders `hsl()` and
 * other forms black) and so its colour cache sees one spelling per colour.
 */

function hex2(value: number): string {
  const clamped = Math.max(0, Math.min(255, Math.round(value)));
  return clamped.toString(16).padStart(2, '0');
}

export function rgbToHex(r: number, g: number, b: number): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

const HEX = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*([\d.]+)\s*[, ]\s*([\d.]+)\s*[, ]\s*([\d.]+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i;

/**
 * `#rgb`, `#rrggbb`, `#rrggbbaa` (alpha dropped) and `rgb()/rgba()` become `#rrggbb`. Anything else
 * (a CSS colour name, say) is returned trimmed but unchanged: sigma understands names, and guessing
 * would be worse than keeping what the author wrote.
 */
export function normalizeColor(value: string): string {
  const text = value.trim();
  const hex = HEX.exec(text);
  if (hex) {
    const digits = hex[1].toLowerCase();
    if (digits.length <= 4)
      return `#${digits[0]}${digits[0]}${digits[1]}${digits[1]}${digits[2]}${digits[2]}`;
    return `#${digits.slice(0, 6)}`;
  }
  const rgb = RGB.exec(text);
  if (rgb) return rgbToHex(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]));
  return text;
}
