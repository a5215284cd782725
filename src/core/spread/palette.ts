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

/** Unreached people: DESIGN's #BBBBBB at low opacity. */
export const UNREACHED_COLOR = blendOver('#BBBBBB', 0.45);
export const QUIET_EDGE_COLOR = blendOver('#8C8C8C', 0.3);

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

/** The same colours, faint, for group members the word has not reached. */
export const GROUP_COLORS_FAINT: readonly string[] = GROUP_COLORS.map((hex) => blendOver(hex, 0.3));

/** Size multipliers: the second cue beside colour, so hard and soft differ without colour vision. */
export const CHANNEL_SIZE_FACTOR: readonly number[] = [1.9, 1.45, 1, 1];

export function channelColor(channel: Channel): string {
  return CHANNEL_COLORS[channel];
}
