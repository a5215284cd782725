import type { Timeline } from '../../core/spread/types';

/** A count or mean for a figure: whole numbers as they are, others with one decimal. */
export function formatReach(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** A probability as a percentage: one decimal below 10%, where the difference matters. */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const percent = p * 100;
  if (percent === 0 || percent === 100) return `${percent}%`;
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

export function formatRange([low, high]: readonly [number, number], format: (x: number) => string) {
  return `${format(low)}–${format(high)}`;
}

/** A duration in the timeline's units: hours and minutes for simulations, days and more for posts. */
export function formatDuration(span: number, unit: Timeline['timeUnit']): string {
  if (!Number.isFinite(span)) return '—';
  const minutes = Math.round(unit === 'hours' ? span * 60 : span / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours % 24} h`;
}

/** The worth as the Worth slider shows it and as a probability: "0.25". */
export function formatWorth(worth: number): string {
  return worth.toFixed(2);
}
