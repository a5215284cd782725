import type { ReachFigures } from '../../state/status';

/**
 * The figures as one sentence for screen readers: announced when the replay stops or is scrubbed,
 * not every frame of a replay (that would be a torrent of numbers).
 */
export function figuresSummary(reach: ReachFigures, final: number): string {
  const amplification = Number.isFinite(reach.amplification)
    ? `, ${reach.amplification.toFixed(1)}× amplification`
    : '';
  const outside = reach.outside > 0 ? `, ${reach.outside} from outside` : '';
  return `Reached ${reach.total} of ${final} at the end: ${reach.hard} through the hard network, ${reach.soft} through the soft network${outside}${amplification}.`;
}
