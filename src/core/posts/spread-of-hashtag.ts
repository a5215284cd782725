import type { Attributes, DatasetPayload } from '../io/payload';
import { Channel, type Timeline } from '../spread/types';
import { buildPostsNetwork, type PostsNetwork } from './network';
import type { Post, PostsDataset } from './post';

/**
 * How a recorded adoption is attributed, in words the UI can show as they are. The rule reads only
 * what the data records, so it can be checked by hand against the posts.
 */
export const ATTRIBUTION_RULE =
  'An account adopts the hashtag with its first post that uses it. It heard it from: the author ' +
  'it reposted, quoted or replied to, if that author had already used the hashtag; otherwise the ' +
  'last earlier adopter who mentioned it in a post with the hashtag; otherwise nobody we can see ' +
  '("outside"). A repost points to the original author, not to the person whose repost the ' +
  'reposter actually saw: platforms record only the original.';

export interface HashtagCount {
  tag: string;
  /** Posts using it (collected and referenced). */
  posts: number;
  /** Distinct accounts using it: the number of adopters its spread will have. */
  accounts: number;
}

/** The dataset's hashtags, most used first (then by more accounts, then alphabetically). */
export function hashtagCounts(dataset: PostsDataset): HashtagCount[] {
  const counts = new Map<string, { posts: number; authors: Set<string> }>();
  for (const list of [dataset.referenced, dataset.posts]) {
    for (const post of list) {
      for (const tag of post.hashtags) {
        let entry = counts.get(tag);
        if (!entry) {
          entry = { posts: 0, authors: new Set() };
          counts.set(tag, entry);
        }
        entry.posts++;
        entry.authors.add(post.author);
      }
    }
  }
  return [...counts]
    .map(([tag, { posts, authors }]) => ({ tag, posts, accounts: authors.size }))
    .sort((a, b) => b.posts - a.posts || b.accounts - a.accounts || (a.tag < b.tag ? -1 : 1));
}

/** The hashtag a spread follows when the user has not picked one; null when there are none (cascades). */
export function defaultHashtag(dataset: PostsDataset): string | null {
  return hashtagCounts(dataset)[0]?.tag ?? null;
}

export interface RecordedSpread {
  payload: DatasetPayload;
  timeline: Timeline;
  /** Node index of the origin. */
  origin: number;
  hashtag: string | null;
}

/**
 * The network of a post dataset and the recorded spread of one hashtag over it (`null`: every post
 * counts, as in a cascade tree where all posts carry one story). Adoptions follow ATTRIBUTION_RULE;
 * the origin is the earliest adopter unless `originHandle` names another adopter.
 */
export function recordedSpread(
  dataset: PostsDataset,
  hashtag: string | null,
  originHandle?: string,
): RecordedSpread {
  const network = buildPostsNetwork(dataset);
  const rows = adoptions(network, hashtag);
  const { handles, index } = network;
  if (rows.node.length === 0) {
    throw new RangeError(`no post uses #${hashtag ?? '?'}: there is no spread to show`);
  }

  let originRow = 0;
  if (originHandle !== undefined) {
    const node = index.get(originHandle);
    if (node === undefined) throw new RangeError(`@${originHandle} is not in this dataset`);
    originRow = rows.rowOf[node];
    if (originRow < 0) {
      throw new RangeError(
        `@${originHandle} never used #${hashtag ?? '?'}: only an adopter can be the origin`,
      );
    }
  }
  const origin = rows.node[originRow];

  const length = rows.node.length;
  const timeline: Timeline = {
    length,
    time: Float64Array.from(rows.time),
    node: Int32Array.from(rows.node),
    via: new Int32Array(length),
    channel: new Uint8Array(length),
    timeUnit: 'epoch-ms',
    hardOnlyReach: 1,
  };
  let hard = 0;
  for (let row = 0; row < length; row++) {
    const via = row === originRow ? -1 : rows.via[row];
    timeline.via[row] = via;
    if (row === originRow) timeline.channel[row] = Channel.origin;
    else if (via < 0) timeline.channel[row] = Channel.outside;
    else if (via === origin) {
      timeline.channel[row] = Channel.hard;
      hard++;
    } else timeline.channel[row] = Channel.soft;
  }
  timeline.hardOnlyReach = 1 + hard;

  const payload: DatasetPayload = {
    name: dataset.name,
    format: 'posts',
    directed: true,
    nodeIds: handles,
    nodeAttributes: nodeAttributes(dataset, network, rows.rowOf, rows.time),
    edgeSources: network.edgeSources,
    edgeTargets: network.edgeTargets,
    edgeWeights: network.edgeWeights,
    edgeAttributes: network.edgeAttributes,
    graphAttributes: graphAttributes(dataset, hashtag, handles[origin]),
    warnings: [...dataset.warnings],
  };
  return { payload, timeline, origin, hashtag };
}

interface Adoptions {
  time: number[];
  node: number[];
  via: number[];
  /** Row of each node's adoption, -1 if it never adopted. */
  rowOf: Int32Array;
}

/**
 * One pass over the hashtag's posts in time order (ties keep the network's post order, originals
 * first). "Already adopted" means an earlier row, so `via` always points at an earlier adoption
 * and the attribution graph cannot loop, even among posts of the same second.
 */
function adoptions(network: PostsNetwork, hashtag: string | null): Adoptions {
  const { index } = network;
  const uses = (post: Post) => hashtag === null || post.hashtags.includes(hashtag);
  const posts = network.posts.filter(uses).sort((a, b) => a.time - b.time);
  const rowOf = new Int32Array(network.handles.length).fill(-1);
  const lastMentionedBy = new Int32Array(network.handles.length).fill(-1);
  const result: Adoptions = { time: [], node: [], via: [], rowOf };
  const adopted = (handle: string | undefined, self: number): number => {
    if (handle === undefined) return -1;
    const node = index.get(handle)!;
    return node !== self && rowOf[node] >= 0 ? node : -1;
  };

  for (const post of posts) {
    const author = index.get(post.author)!;
    if (rowOf[author] < 0) {
      let via = adopted(post.refAuthor, author);
      if (via < 0) via = adopted(post.replyTo, author);
      if (via < 0) via = lastMentionedBy[author];
      rowOf[author] = result.node.length;
      result.time.push(post.time);
      result.node.push(author);
      result.via.push(via);
    }
    // Mentions count only from posts that carry the hashtag: those are what tell someone about it.
    for (const mention of post.mentions) {
      const node = index.get(mention)!;
      if (node !== author) lastMentionedBy[node] = author;
    }
  }
  return result;
}

function nodeAttributes(
  dataset: PostsDataset,
  network: PostsNetwork,
  rowOf: Int32Array,
  times: number[],
): Attributes[] {
  // A post's geotag or server stands in for what the profile does not say.
  const postPlace = new Map<string, string>();
  const postInstance = new Map<string, string>();
  for (const post of network.posts) {
    if (post.location && !postPlace.has(post.author)) postPlace.set(post.author, post.location);
    if (post.instance && !postInstance.has(post.author))
      postInstance.set(post.author, post.instance);
  }
  const nameFromPosts = new Map<string, string>();
  for (const post of network.posts) {
    if (post.authorName && !nameFromPosts.has(post.author)) {
      nameFromPosts.set(post.author, post.authorName);
    }
  }
  return network.handles.map((handle, node) => {
    const info = dataset.accounts.get(handle);
    const attributes = Object.create(null) as Attributes;
    attributes.label = handle;
    attributes.handle = handle;
    const name = info?.name ?? nameFromPosts.get(handle);
    if (name !== undefined) attributes.name = name;
    attributes.posts = network.postCounts[node];
    if (rowOf[node] >= 0) attributes.firstAdoption = times[rowOf[node]];
    const location = info?.location ?? postPlace.get(handle);
    if (location !== undefined) attributes.location = location;
    const instance = info?.instance ?? postInstance.get(handle);
    if (instance !== undefined) attributes.instance = instance;
    return attributes;
  });
}

function graphAttributes(
  dataset: PostsDataset,
  hashtag: string | null,
  originHandle: string,
): Attributes {
  const attributes = Object.create(null) as Attributes;
  attributes.platform = dataset.platform;
  attributes.hashtag = hashtag;
  attributes.origin = originHandle;
  attributes.posts = dataset.posts.length;
  attributes.attribution = ATTRIBUTION_RULE;
  return attributes;
}
