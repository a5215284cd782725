import type { Timeline } from '../spread/types';
import type { Grouping } from './groups';

/** How far the word got into one group. */
export interface GroupReach {
  /** Index into the grouping's values; -1 for the people of no group. */
  group: number;
  name: string;
  members: number;
  /** Reached per channel: origin, hard, soft, outside (see CHANNEL_NAMES). */
  byChannel: [number, number, number, number];
  reached: number;
  /** reached / members. */
  share: number;
  /** Time of the first adoption in the group (timeline units); null if none yet. */
  firstTime: number | null;
}

export interface GroupReachTable {
  /** Groups the word reached, earliest first; then the people of no group, when any were reached. */
  reached: GroupReach[];
  /** Groups nobody in which has the word (yet), largest first. */
  unreached: GroupReach[];
}

/**
 * Each group's reach after the first `rows` adoptions of a timeline (all of them by default): the
 * table that shows which tribes the word got into, and which it never did. Reached counts over all
 * rows, including the people of no group, add up to `rows`.
 */
export function groupReach(
  timeline: Timeline,
  grouping: Grouping,
  rows: number = timeline.length,
): GroupReachTable {
  const groups = grouping.values.length;
  const ungrouped = grouping.groupOfNode.reduce((sum, g) => sum + (g < 0 ? 1 : 0), 0);
  const table: GroupReach[] = [];
  for (let g = -1; g < groups; g++) {
    table.push({
      group: g,
      name: g < 0 ? `no ${grouping.attribute}` : grouping.values[g],
      members: g < 0 ? ungrouped : grouping.counts[g],
      byChannel: [0, 0, 0, 0],
      reached: 0,
      share: 0,
      firstTime: null,
    });
  }
  const shown = Math.min(Math.max(rows, 0), timeline.length);
  for (let row = 0; row < shown; row++) {
    const entry = table[grouping.groupOfNode[timeline.node[row]] + 1];
    entry.byChannel[timeline.channel[row]]++;
    entry.reached++;
    entry.firstTime ??= timeline.time[row];
  }
  for (const entry of table) entry.share = entry.members > 0 ? entry.reached / entry.members : 0;
  const [none, ...named] = table;
  const reached = named
    .filter((entry) => entry.reached > 0)
    .sort((a, b) => a.firstTime! - b.firstTime! || a.group - b.group);
  if (none.reached > 0) reached.push(none);
  const unreached = named.filter((entry) => entry.reached === 0);
  return { reached, unreached };
}
