import { buildGraph, nodeKey, type WordspreadGraph } from '../core/graph/build';
import { csrFromEdges, type Csr } from '../core/graph/csr';
import { defaultOrigin } from '../core/graph/default-origin';
import { hardEdgesOf } from '../core/graph/hard-marks';
import type { DatasetPayload } from '../core/io/payload';
import { findGroupings, type Grouping } from '../core/others/groups';
import type { PostsDataset } from '../core/posts/post';
import type { HashtagCount } from '../core/posts/spread-of-hashtag';

/** For a hashtag dataset: the posts it came from, so the spread can follow another hashtag or origin. */
export interface PostsSource {
  dataset: PostsDataset;
  hashtags: HashtagCount[];
}

/**
 * A dataset ready to show: the graphology graph sigma draws, the CSR index the spread engine walks,
 * and what we derived once on load (groups, default origin). Never deep-reactive.
 */
export interface LoadedDataset {
  name: string;
  payload: DatasetPayload;
  graph: WordspreadGraph;
  csr: Csr;
  indexOfId: Map<string, number>;
  groupings: Grouping[];
  defaultOrigin: number;
  posts: PostsSource | null;
  /** Ties the file marks as the hard network; null: the origin's direct contacts are her hard network. */
  hardEdges: Uint8Array | null;
}

export async function prepareDataset(
  payload: DatasetPayload,
  onProgress: (share: number) => Promise<void> | void,
  signal?: AbortSignal,
  posts: PostsSource | null = null,
): Promise<LoadedDataset> {
  const graph = await buildGraph(payload, { onProgress, signal });
  const directed = payload.edgeDirected ?? payload.directed;
  const csr = csrFromEdges(
    payload.nodeIds.length,
    payload.edgeSources,
    payload.edgeTargets,
    payload.edgeWeights,
    directed,
  );
  return {
    name: payload.name,
    payload,
    graph,
    csr,
    indexOfId: new Map(payload.nodeIds.map((id, i) => [id, i])),
    groupings: findGroupings(payload),
    defaultOrigin: defaultOrigin(payload, csr),
    posts,
    hardEdges: hardEdgesOf(payload),
  };
}

/** How a person is named on screen: their label, else their id. */
export function labelOf(dataset: LoadedDataset, node: number): string {
  const label = dataset.graph.getNodeAttribute(nodeKey(node), 'label');
  return typeof label === 'string' && label !== '' ? label : dataset.payload.nodeIds[node];
}

/** A short name for file names and titles: "school-network.gexf" → "school-network". */
export function datasetSlug(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      .replace(/\.(gz)$/i, '')
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[^\w.-]+/g, '-') || 'dataset'
  );
}
