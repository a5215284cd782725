import { DatasetError } from '../io/errors';
import { PostCollector } from './collect';
import type { PostsDataset } from './post';

/**
 * Rumour propagation trees in the Twitter15/16 format (Ma, Gao & Wong 2017): one edge a line,
 * `['uid', 'tweet_id', 'delay_minutes']->['uid', 'tweet_id', 'delay_minutes']`, the source's line
 * having parent `['ROOT', 'ROOT', '0.0']`. The files were reconstructed from crawls and carry real
 * quirks: a node listed under several parents, lines pointing a node at itself, and children timed
 * before their parents. Each is repaired by the rules below and reported.
 */

const LINE =
  /^\s*\[\s*'([^']*)'\s*,\s*'([^']*)'\s*,\s*'([^']*)'\s*\]\s*->\s*\[\s*'([^']*)'\s*,\s*'([^']*)'\s*,\s*'([^']*)'\s*\]\s*$/;

export function isCascadeTree(text: string): boolean {
  return LINE.test(text.slice(0, 400).split('\n', 1)[0]);
}

/** `label:tweet_id` lines: the companion file of the trees, not a tree. */
export function isCascadeLabels(text: string): boolean {
  return /^(true|false|unverified|non-rumor):\d+\r?\n/.test(text.slice(0, 80));
}

interface Node {
  uid: string;
  tweet: string;
  delay: number;
  key: string;
  /** File position of first appearance: parents are listed before their children. */
  order: number;
  parents: Node[];
}

/** Twitter ids since late 2010 are snowflakes: the high bits are ms since Twitter's epoch. */
const SNOWFLAKE_EPOCH = 1288834974657n;
const FIRST_SNOWFLAKE = 27_000_000_000_000_000n;

function snowflakeTime(id: string): number | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  const value = BigInt(id);
  return value < FIRST_SNOWFLAKE ? undefined : Number((value >> 22n) + SNOWFLAKE_EPOCH);
}

export function readCascade(text: string, file: string): PostsDataset {
  const collector = new PostCollector('cascade');
  const nodes = new Map<string, Node>();
  const node = (uid: string, tweet: string, delayText: string, order: number): Node => {
    const delay = Number(delayText);
    const key = `${uid}|${tweet}|${delayText}`;
    let found = nodes.get(key);
    if (!found) {
      if (!Number.isFinite(delay)) {
        throw new DatasetError(file, `the delay "${delayText}" is not a number`, `line ${order}`);
      }
      found = { uid, tweet, delay, key, order, parents: [] };
      nodes.set(key, found);
    }
    return found;
  };

  let root: Node | undefined;
  const seenLines = new Set<string>();
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].trim();
    if (row === '') continue;
    const match = LINE.exec(row);
    if (!match) {
      throw new DatasetError(
        file,
        "expected a tree line ['uid', 'tweet_id', 'delay']->['uid', 'tweet_id', 'delay']",
        `line ${i + 1}`,
      );
    }
    if (seenLines.has(row)) {
      collector.tally('dup', (n) => `${n} line(s) were exact repeats: read once`);
      continue;
    }
    seenLines.add(row);
    const child = node(match[4], match[5], match[6], i + 1);
    if (match[1] === 'ROOT') {
      if (root && root !== child) {
        collector.tally('roots', (n) => `${n} extra ROOT line(s): kept the first source`);
      } else root = child;
      continue;
    }
    const parent = node(match[1], match[2], match[3], i + 1);
    if (parent.uid === child.uid) {
      collector.tally('self', (n) => `${n} self-loop(s) (an account as its own parent): ignored`);
      continue;
    }
    child.parents.push(parent);
  }
  if (!root)
    throw new DatasetError(file, "no line with a ['ROOT', 'ROOT', '0.0'] parent: no source");
  const source = root;

  let start = snowflakeTime(source.tweet);
  if (start === undefined) {
    start = 0;
    collector.warn('the source tweet id carries no date: times count from 1970-01-01 + delay');
  } else {
    collector.warn(
      'times are the source tweet’s time (read from its id) plus each line’s delay in minutes',
    );
  }

  for (const current of [...nodes.values()].sort(
    (a, b) => a.delay - b.delay || a.order - b.order,
  )) {
    let refAuthor: string | undefined;
    if (current === source) refAuthor = undefined;
    else if (current.parents.length === 0) {
      collector.tally(
        'orphan',
        (n) => `${n} node(s) appeared only as parents, with no line of their own: no known source`,
      );
    } else {
      if (current.parents.length > 1) {
        collector.tally(
          'multi',
          (n) => `${n} node(s) had several parents: kept the latest one timed before them`,
        );
      }
      // The most recent earlier parent is the closest exposure; a parent timed after its child
      // cannot be where the child heard it.
      let chosen: Node | undefined;
      for (const parent of current.parents) {
        if (parent.delay <= current.delay && (!chosen || parent.delay > chosen.delay)) {
          chosen = parent;
        }
      }
      if (!chosen) {
        collector.tally(
          'early',
          (n) =>
            `${n} node(s) were timed before every parent listed: attributed to the source’s author`,
        );
        chosen = source;
      }
      refAuthor = chosen.uid;
    }
    // Retweets carry the source's id; a new id is a reply or quote (the format does not say which).
    const kind = current === source ? 'post' : current.tweet === source.tweet ? 'repost' : 'reply';
    collector.account({ handle: current.uid, platformId: current.uid });
    collector.add({
      id: current.key,
      author: current.uid,
      time: start + current.delay * 60_000,
      kind,
      refAuthor,
      replyTo: kind === 'reply' ? refAuthor : undefined,
      mentions: [],
      hashtags: [],
    });
  }
  return collector.finish(file);
}
