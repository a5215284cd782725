import type { MemoryUi, RestoreOffer } from './session-memory';

/** The memory's reactive face: the restore offer, storage notices, the last save. */
export class ReactiveMemoryUi implements MemoryUi {
  // Raw: the offer carries Blobs and typed arrays that IndexedDB must get back unproxied.
  offer = $state.raw<RestoreOffer | null>(null);
  notice = $state<string | null>(null);
  lastSavedAt = $state<number | null>(null);
}
