import type { Attributes } from '../io/payload';
import type { Post, PostsDataset } from './post';

/** Interaction types, in the order of their numeric code. */
export const INTERACTION_KINDS = ['repost', 'quote', 'reply', 'mention'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface PostsNetwork {
  /** Account handles; a node's index is its position here. */
  handles: string[];
  index: Map<string, number>;
  edgeSources: Int32Array;
  edgeTargets: Int32Array;
  edgeWeights: Float64Array;
  /** One `{kind}` per edge (null prototype). */
  edgeAttributes: Attributes[];
  /** Posts by each account that the file shows (collected and referenced). */
  postCounts: Int32Array;
  /** Referenced posts first, then collected: an original sorts before a repost at the same second. */
  posts: Post[];
}

/**
 * The accounts and who passed what to whom, one edge per (source, target, kind) weighted by how
 * often it happened. Edges follow the information: a repost, quote or reply of A's post by B is
 * A → B (B heard from A); a mention of C in B's post is B → C (C hears from B). Self-interactions
 * (threads, self-retweets) carry nothing to anyone and are left out.
 */
export function buildPostsNetwork(dataset: PostsDataset): PostsNetwork {
  const handles: string[] = [];
  const index = new Map<string, number>();
  const nodeOf = (handle: string): number => {
    let found = index.get(handle);
    if (found === undefined) {
      found = handles.length;
      index.set(handle, found);
      handles.push(handle);
    }
    return found;
  };
  for (const handle of dataset.accounts.keys()) nodeOf(handle);
  const posts = [...dataset.referenced, ...dataset.posts];
  // Accounts are normally all listed; a hand-made dataset may name others, so make room first.
  for (const post of posts) {
    nodeOf(post.author);
    if (post.refAuthor !== undefined) nodeOf(post.refAuthor);
    if (post.replyTo !== undefined) nodeOf(post.replyTo);
    for (const mention of post.mentions) nodeOf(mention);
  }

  const n = handles.length;
  const postCounts = new Int32Array(n);
  // (source * n + target) * 4 + kind stays exact in a double for up to ~47 million accounts.
  const edgeIndex = new Map<number, number>();
  const sources: number[] = [];
  const targets: number[] = [];
  const kinds: number[] = [];
  const weights: number[] = [];
  const link = (source: number, target: number, kind: number) => {
    if (source === target) return;
    const key = (source * n + target) * 4 + kind;
    const existing = edgeIndex.get(key);
    if (existing !== undefined) {
      weights[existing]++;
      return;
    }
    edgeIndex.set(key, sources.length);
    sources.push(source);
    targets.push(target);
    kinds.push(kind);
    weights.push(1);
  };

  for (const post of posts) {
    const author = index.get(post.author)!;
    postCounts[author]++;
    if ((post.kind === 'repost' || post.kind === 'quote') && post.refAuthor !== undefined) {
      link(index.get(post.refAuthor)!, author, post.kind === 'repost' ? 0 : 1);
    }
    const replyTo = post.replyTo ?? (post.kind === 'reply' ? post.refAuthor : undefined);
    if (replyTo !== undefined) link(index.get(replyTo)!, author, 2);
    for (const mention of post.mentions) link(author, index.get(mention)!, 3);
  }

  const edgeAttributes = kinds.map((kind) => {
    const attributes = Object.create(null) as Attributes;
    attributes.kind = INTERACTION_KINDS[kind];
    return attributes;
  });
  return {
    handles,
    index,
    edgeSources: Int32Array.from(sources),
    edgeTargets: Int32Array.from(targets),
    edgeWeights: Float64Array.from(weights),
    edgeAttributes,
    postCounts,
    posts,
  };
}
