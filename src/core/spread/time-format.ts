import type { Timeline } from './types';

/** A moment of a timeline in the data's units: "2 h 05 min" for simulations, a date for recordings. */
export function formatTime(t: number, unit: Timeline['timeUnit']): string {
  if (unit === 'epoch-ms') return new Date(t).toISOString().replace('T', ' ').slice(0, 16);
  const hours = Math.floor(t);
  const minutes = Math.floor((t - hours) * 60);
  return `${hours} h ${String(minutes).padStart(2, '0')} min`;
}
