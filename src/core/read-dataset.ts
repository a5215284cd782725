import { decodeText, gunzipBounded, isGzip } from './io/bytes';
import { DatasetError } from './io/errors';
import { resolveLimits, type ParseLimits } from './io/limits';
import { parseDataset } from './io/parse';
import type { DatasetPayload } from './io/payload';
import { isCascadeTree } from './posts/cascade';
import { parsePosts } from './posts/detect';
import { isMinimalPostsCsv } from './posts/minimal-csv';
import type { PostsDataset } from './posts/post';
import { isTweetCsv } from './posts/tweet-csv';

/** A dropped file is either a network or a collection of posts (a hashtag dataset). */
export type ReadResult =
  { kind: 'network'; payload: DatasetPayload } | { kind: 'posts'; posts: PostsDataset };

/**
 * Reads any file a person brings. Post datasets whose shape could pass for a table (cascade trees,
 * our minimal posts CSV) are recognised first; everything else is tried as a network, and JSON that is
 * no network shape is then tried as posts. When both fail, the more specific message wins: an
 * account list gets its own explanation; otherwise the network reader's message, which lists the
 * shapes it understands.
 */
export function readDataset(
  bytes: Uint8Array,
  name: string,
  limits?: Partial<ParseLimits>,
): ReadResult {
  const resolved = resolveLimits(limits);
  // Undone once here; both readers then see plain bytes.
  const plain = isGzip(bytes) ? gunzipBounded(bytes, name, resolved.maxBytes) : bytes;
  const head = decodeText(plain.subarray(0, 4096));
  const readPosts = (): ReadResult => ({
    kind: 'posts',
    posts: parsePosts(decodeText(plain), name),
  });
  if (isCascadeTree(head) || isMinimalPostsCsv(head) || isTweetCsv(head)) return readPosts();

  try {
    return { kind: 'network', payload: parseDataset(plain, name, resolved) };
  } catch (networkError) {
    if (!(networkError instanceof DatasetError) || !/^\s*[[{]/.test(head.replace(/^\uFEFF/, '')))
      throw networkError;
    try {
      return readPosts();
    } catch (postsError) {
      if (postsError instanceof DatasetError && !/not a post dataset/.test(postsError.message))
        throw postsError;
      throw networkError;
    }
  }
}
