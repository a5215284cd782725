import { groupingFromValues, type Grouping } from './groups';

export const HASHTAG_ATTRIBUTE = 'hashtag';

/**
 * For hashtag datasets: each person's own hashtag, the one they used most (the earliest of those
 * used equally often), so that "#YourTurn people" can be a group like a city or a class. A person
 * uses many hashtags; one per person keeps groups disjoint, as colouring and the reach table need.
 * Like cities, only groups of two or more, the largest 200.
 */
export function hashtagGrouping(
  nodeIds: readonly string[],
  posts: readonly { author: string; time: number; hashtags: readonly string[] }[],
): Grouping | null {
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const uses = nodeIds.map(() => new Map<string, { count: number; first: number }>());
  for (const post of posts) {
    const node = index.get(post.author);
    if (node === undefined) continue;
    for (const tag of post.hashtags) {
      const use = uses[node].get(tag);
      if (use) {
        use.count++;
        use.first = Math.min(use.first, post.time);
      } else uses[node].set(tag, { count: 1, first: post.time });
    }
  }
  const keys = uses.map((byTag) => {
    let best: string | null = null;
    let top = { count: 0, first: Infinity };
    for (const [tag, use] of byTag) {
      const better =
        use.count > top.count ||
        (use.count === top.count &&
          (use.first < top.first || (use.first === top.first && tag < best!)));
      if (better) {
        best = tag;
        top = use;
      }
    }
    return best;
  });
  return groupingFromValues(
    HASHTAG_ATTRIBUTE,
    keys,
    { minMembers: 2, maxGroups: 200 },
    (tag) => `#${tag}`,
  );
}
