/**
 * The spread engine's vocabulary (see DESIGN.md, "Words we use"). Node references are indices into
 * the graph's CSR index, never string ids: the engine lives on typed arrays.
 */

export const Channel = {
  origin: 0,
  hard: 1,
  soft: 2,
  outside: 3,
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const CHANNEL_NAMES = ['origin', 'hard', 'soft', 'outside'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The spread models; MODEL_INFO (model-info.ts) explains each one for the UI. */
export const MODELS = [
  'independent-cascade',
  'complex-contagion',
  'linear-threshold',
  'forgetting',
] as const;
export type Model = (typeof MODELS)[number];

/**
 * Everything that makes a timeline reproducible: same scenario and graph, same timeline.
 *
 * Model parameters are optional fields rather than a union per model, so a scenario can switch
 * model without losing the others' settings (the UI keeps them), and the original shape
 * `{origins, model: 'independent-cascade', worth, delivery, seed}` stays valid.
 */
export interface Scenario {
  /** Node indices where the message starts. */
  origins: number[];
  model: Model;
  /**
   * Per-contact probability that a person passes the story on, in [0, 1]. In every model an
   * adopter tells each contact with this probability; the models differ in what telling does.
   */
  worth: number;
  /** Probability that a hard-network message gets through, in [0, 1]. */
  delivery: number;
  seed: number;
  /**
   * Use edge weights as tie strength: independent cascade, forgetting and complex contagion scale
   * the per-contact probability by weight / heaviest weight; linear threshold weighs each
   * in-contact by its weight (normalised per node) instead of equally. Default false.
   */
  weighted?: boolean;
  /** Complex contagion: adopt once this fraction of one's in-contacts told them, in [0, 1]. */
  minFraction?: number;
  /** Complex contagion: adopt once at least this many in-contacts told them (integer >= 1). */
  minContacts?: number;
  /** Forgetting: mean of the exponential period (hours) during which an adopter passes it on. */
  activeHours?: number;
  /**
   * Per payload edge (index as in `Csr.edges`), 1 where a dataset marks the edge `hard`. When
   * given, the hard network is only the origins' hard-marked out-edges; their other contacts hear
   * it person to person (soft, with probability `worth`). Omitted: every out-edge of an origin is
   * hard and origins tell nobody else.
   */
  hardEdges?: Uint8Array;
}

/**
 * The adoptions of one spread, sorted by time (ties keep discovery order). Column arrays of equal
 * length `length`; row i is one adoption `{time, node, via, channel}`.
 */
export interface Timeline {
  length: number;
  time: Float64Array;
  node: Int32Array;
  /** Node index the message came from; -1 for origins and `outside` adoptions. */
  via: Int32Array;
  channel: Uint8Array;
  /** Units of `time`: simulated hours, or epoch milliseconds for recorded datasets. */
  timeUnit: 'hours' | 'epoch-ms';
  /** Reach if nobody had passed it on: origins plus delivered hard-network members. */
  hardOnlyReach: number;
}
