import type { SavedDataset } from './schema';

/**
 * "school-network.gexf, saved today at 21:50" for the restore banner. `now` and the locale are
 * parameters so tests do not depend on the clock or the machine's language.
 */
export function describeSaved(
  dataset: Pick<SavedDataset, 'name' | 'savedAt'>,
  savedAt: number,
  now: number = Date.now(),
  locale?: string,
): string {
  const saved = new Date(savedAt);
  const sameDay = new Date(now).toDateString() === saved.toDateString();
  const time = saved.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const when = sameDay
    ? `today at ${time}`
    : `${saved.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })} at ${time}`;
  return `${dataset.name}, saved ${when}`;
}

/** A fresh id for a dataset record; only needs to differ from the previous load's. */
export function newDatasetId(now: number = Date.now(), random: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 2 ** 32).toString(36)}`;
}
