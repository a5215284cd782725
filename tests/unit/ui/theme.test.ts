import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK_CANVAS, LIGHT_CANVAS } from '../../../src/core/spread/palette';

const CSS = readFileSync(path.resolve(__dirname, '../../../src/ui/theme.css'), 'utf8');

/** The custom properties of the first `:root { … }` block found in `css`. */
function variablesOf(css: string): Map<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css);
  if (!block) throw new Error('no :root block');
  return new Map(
    [...block[1].matchAll(/--([\w-]+)\s*:\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]),
  );
}

const light = variablesOf(CSS);
const darkBlock = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\})\s*\}/.exec(CSS);
// The dark theme overrides some variables; the others are shared.
const dark = new Map([...light, ...variablesOf(darkBlock?.[1] ?? '')]);

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Text on the surfaces it appears on (4.5:1), and marks that must be seen (3:1, WCAG 1.4.11).
const TEXT: [string, string][] = [
  ['text', 'bg'],
  ['text', 'panel'],
  ['muted', 'bg'],
  ['muted', 'panel'],
  ['link', 'bg'],
  ['link', 'panel'],
  ['error-text', 'error-bg'],
];
const MARKS: [string, string][] = [
  ['focus', 'bg'],
  ['focus', 'panel'],
  ['control-line', 'bg'],
  ['control-line', 'panel'],
  ['hard', 'panel'],
  ['origin', 'panel'],
];

describe('theme colours', () => {
  it('has a dark theme that follows the system', () => {
    expect(darkBlock).not.toBeNull();
    expect(dark.get('bg')).not.toBe(light.get('bg'));
    expect(luminance(dark.get('bg')!)).toBeLessThan(0.05);
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`meets WCAG AA for text in the ${name} theme`, () => {
      for (const [fore, back] of TEXT) {
        const ratio = contrast(theme.get(fore)!, theme.get(back)!);
        expect(ratio, `${fore} on ${back}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`makes focus rings, control outlines and channel marks visible in the ${name} theme`, () => {
      for (const [fore, back] of MARKS) {
        const ratio = contrast(theme.get(fore)!, theme.get(back)!);
        expect(ratio, `${fore} on ${back}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('puts the canvas on the background its faint colours were blended over', () => {
    expect(light.get('canvas-bg')!.toLowerCase()).toBe(LIGHT_CANVAS.background.toLowerCase());
    expect(dark.get('canvas-bg')!.toLowerCase()).toBe(DARK_CANVAS.background.toLowerCase());
  });

  it('catches a low-contrast pair (the check itself can fail)', () => {
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
