import type { Grouping } from '../core/others/groups';
import { CHANNEL_COLORS, GROUP_COLORS, UNREACHED_COLOR } from '../core/spread/palette';
import type { ImageOptions, LegendEntry } from '../render/export-image';
import type { ReachFigures } from './status';

/** "school-network.gexf · #BlackLivesMatter": the dataset, and the hashtag a recorded spread follows. */
export function imageTitle(datasetName: string, recordedHashtag: string | null): string {
  return `${datasetName}${recordedHashtag ? ` · #${recordedHashtag}` : ''}`;
}

/** "Reached 26 of 134 at 12 h 30 min: 3 through the hard network, 22 person to person (6.5× amplification)". */
export function reachCaption(reach: ReachFigures, nodeCount: number, timeLabel: string): string {
  const amplification = Number.isFinite(reach.amplification)
    ? ` (${reach.amplification.toFixed(1)}× amplification)`
    : '';
  const outside = reach.outside > 0 ? `, ${reach.outside} from outside` : '';
  return `Reached ${reach.total} of ${nodeCount} at ${timeLabel}: ${reach.hard} through the hard network, ${reach.soft} person to person${outside}${amplification}`;
}

/**
 * What each colour means: the groups when the graph is coloured by a grouping, else the channels
 * (with "from outside" only when the spread has such adoptions).
 */
export function legendEntries(grouping: Grouping | undefined, anyOutside: boolean): LegendEntry[] {
  if (grouping) {
    return grouping.values
      .slice(0, 12)
      .map((value, i) => ({ color: GROUP_COLORS[i % GROUP_COLORS.length], label: value }));
  }
  const entries: LegendEntry[] = [
    { color: CHANNEL_COLORS[0], label: 'origin', size: 1.6 },
    { color: CHANNEL_COLORS[1], label: 'hard network (larger)', size: 1.3 },
    { color: CHANNEL_COLORS[2], label: 'soft network' },
  ];
  if (anyOutside) {
    entries.push({ color: CHANNEL_COLORS[3], label: 'from outside (no traceable source)' });
  }
  entries.push({ color: UNREACHED_COLOR, label: 'not reached' });
  return entries;
}

/** The person's choices in Image options. */
export interface ImageChoices {
  scale: number;
  transparent: boolean;
  legend: boolean;
  title: boolean;
  caption: boolean;
}

/** What exportPng draws, from the choices, the canvas background and the texts for this moment. */
export function imageOptionsFor(
  choices: ImageChoices,
  background: string,
  texts: { title: string; caption: string },
): ImageOptions {
  return {
    scale: choices.scale,
    background: choices.transparent ? null : background,
    legend: choices.legend,
    title: choices.title ? texts.title : null,
    caption: choices.caption ? texts.caption : null,
  };
}
