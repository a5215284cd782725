import type { DatasetPayload } from '../io/payload';

/** The kinds of ties a dataset has (a posts network: repost, quote, reply, mention), in first-seen order. */
export function edgeKindsOf(payload: DatasetPayload): string[] {
  const kinds = new Set<string>();
  for (const attributes of payload.edgeAttributes ?? []) {
    if (typeof attributes.kind === 'string') kinds.add(attributes.kind);
  }
  return [...kinds];
}

/** Per edge, 1 when its kind is shown; null when every kind is shown (no filter needed). */
export function edgeFilterFor(
  payload: DatasetPayload,
  shownKinds: readonly string[],
): Uint8Array | null {
  const attributes = payload.edgeAttributes;
  const shown = new Set(shownKinds);
  if (!attributes || edgeKindsOf(payload).every((kind) => shown.has(kind))) return null;
  return Uint8Array.from(attributes, (a) => (shown.has(String(a.kind)) ? 1 : 0));
}
