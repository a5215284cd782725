import { hashtagCounts, recordedSpread } from '../core/posts/spread-of-hashtag';
import type { ReadResult } from '../core/read-dataset';
import type { LoadedDataset, PostsSource } from './loaded-dataset';

/**
 * The network to draw: the file's own, or for a hashtag dataset the network of who passed the word
 * to whom (the same whichever hashtag the spread follows, so switching hashtags keeps the drawing).
 */
export function networkOf(result: ReadResult): {
  payload: LoadedDataset['payload'];
  posts: PostsSource | null;
} {
  if (result.kind === 'network') return { payload: result.payload, posts: null };
  const hashtags = hashtagCounts(result.posts);
  const { payload } = recordedSpread(result.posts, hashtags[0]?.tag ?? null);
  return { payload, posts: { dataset: result.posts, hashtags } };
}
