import { Channel } from './types';

/**
 * Okabe–Ito colours (colour-blind safe), as hex because sigma 3 parses only hex, rgb() and names.
 * Indexed by Channel. Fixed strings: sigma caches every distinct colour string it sees.
 */
export const CHANNEL_COLORS: readonly string[] = ['#D55E00', '#0072B2', '#E69F00', '#009E73'];

/** The page background the graph is drawn on. */
export const BACKGROUND = '#ffffff';

/**
 * `hex` at `alpha` over `background`, as an opaque hex colour. Faint marks are pre-blended because
 * sigma's WebGL output is composited as premultiplied alpha: a translucent light grey would come out
 * white on a white page, not faint.
 */
export function blendOver(hex: string, alpha: number, background = BACKGROUND): string {
  const channels = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const front = channels(hex);
  const back = channels(background);
  return `#${front
    .map((c, i) => Math.round(alpha * c + (1 - alpha) * back[i]))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Colours for categories (class, city…): a fixed 12-colour set, cycled past 12. */
export const GROUP_COLORS: readonly string[] = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
  '#17BECF',
  '#8C564B',
];

/**
 * The colours that depend on what the graph is drawn on: faint marks are pre-blended over the
 * canvas background (see blendOver), and labels need contrast with it.
 */
export interface CanvasPalette {
  background: string;
  label: string;
  unreached: string;
  quietEdge: string;
  groupFaint: readonly string[];
}

/** Unreached people are DESIGN's #BBBBBB at low opacity; quiet ties and unreached group members faint too. */
function canvasPalette(background: string, label: string): CanvasPalette {
  return {
    background,
    label,
    unreached: blendOver('#BBBBBB', 0.45, background),
    quietEdge: blendOver('#8C8C8C', 0.3, background),
    groupFaint: GROUP_COLORS.map((hex) => blendOver(hex, 0.3, background)),
  };
}

export const LIGHT_CANVAS: CanvasPalette = canvasPalette(BACKGROUND, '#1d2330');
/** For a dark page (prefers-color-scheme: dark); the background matches theme.css's --canvas-bg. */
export const DARK_CANVAS: CanvasPalette = canvasPalette('#15181e', '#e6e9ef');

/** Unreached people on the light canvas (exports and the legend use the light palette). */
export const UNREACHED_COLOR = LIGHT_CANVAS.unreached;

/** Size multipliers: the second cue beside colour, so hard and soft differ without colour vision. */
export const CHANNEL_SIZE_FACTOR: readonly number[] = [1.9, 1.45, 1, 1];

export function channelColor(channel: Channel): string {
  return CHANNEL_COLORS[channel];
}
