import {
  SESSION_VERSION,
  type SavedDataset,
  type SavedView,
} from '../../../src/state/persistence/schema';

/** Records as the app writes them, for tests to change one field at a time. */
export function savedDataset(overrides: Partial<SavedDataset> = {}): SavedDataset {
  return {
    version: SESSION_VERSION,
    id: 'd1',
    name: 'karate.graphml',
    savedAt: 1_700_000_000_000,
    source: { type: 'files', files: [new Blob(['a,b'])], names: ['karate.graphml'] },
    ...overrides,
  };
}

export function savedView(overrides: Partial<SavedView> = {}): SavedView {
  return {
    version: SESSION_VERSION,
    datasetId: 'd1',
    savedAt: 1_700_000_001_000,
    nodeCount: 2,
    positions: Float32Array.of(0, 1, 2, 3),
    scenario: {
      origins: ['a', 'b'],
      model: 'independent-cascade',
      worth: 0.3,
      delivery: 0.8,
      seed: 4,
      mode: 'simulated',
      hashtag: null,
      params: { weighted: false, minContacts: 2, minFraction: 0, activeHours: 2 },
    },
    time: 12.5,
    camera: { x: 0.5, y: 0.5, ratio: 0.8, angle: 0 },
    ...overrides,
  };
}
