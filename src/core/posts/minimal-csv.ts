import { CsvReader, CsvSyntaxError, detectDelimiter } from '../io/csv-reader';
import { DatasetError } from '../io/errors';
import { PostCollector, parseTime } from './collect';
import { normalizeHashtags, type PostKind, type PostsDataset } from './post';

/**
 * Our own minimal post table, so anyone can bring data from anywhere: a header row naming at least
 * `time` and `user`, optionally `via`, `kind`, `text`, `location` and `id`, in any order.
 * - time: ISO 8601 ("2024-05-01T10:00:00Z") or a Unix time (seconds, or milliseconds when ≥ 1e11);
 * - via: the account this post passes on (reposts, quotes, replies to); empty for an original;
 * - kind: post, repost, quote or reply; when empty, a row with `via` is a repost;
 * - text: hashtags (#tag) and mentions (@handle) are read from it.
 */

const KINDS: ReadonlySet<string> = new Set(['post', 'repost', 'quote', 'reply']);
const HASHTAG = /(?:^|[^\p{L}\p{N}_&])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;
const MENTION =
  /(?:^|[^\p{L}\p{N}_])@([A-Za-z0-9_][A-Za-z0-9_.-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/gu;

function header(text: string): string[] | undefined {
  const first = text
    .slice(0, 2000)
    .split(/\r?\n/, 1)[0]
    .replace(/^\uFEFF/, '');
  const names = first
    .split(/[,;\t]/)
    .map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  return names.includes('time') && names.includes('user') ? names : undefined;
}

export function isMinimalPostsCsv(text: string): boolean {
  return header(text) !== undefined;
}

function unixTime(raw: string): number {
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    return number >= 1e11 ? number : number * 1000;
  }
  return parseTime(trimmed);
}

export function readMinimalCsv(text: string, file: string): PostsDataset {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const reader = new CsvReader(body, detectDelimiter(body));
  const collector = new PostCollector('csv');
  try {
    const names = (reader.next() ?? []).map((name) => name.trim().toLowerCase());
    const column = (name: string) => names.indexOf(name);
    const [time, user, via, kind, content, location, id] = [
      'time',
      'user',
      'via',
      'kind',
      'text',
      'location',
      'id',
    ].map(column);
    for (let row = reader.next(); row; row = reader.next()) {
      const cell = (index: number) => (index >= 0 ? (row[index] ?? '').trim() : '');
      const author = cell(user).replace(/^@/, '');
      const source = cell(via).replace(/^@/, '') || undefined;
      const written = cell(kind).toLowerCase();
      if (written !== '' && !KINDS.has(written)) {
        throw new DatasetError(
          file,
          `kind "${written}" is not one of post, repost, quote, reply`,
          `line ${reader.line}`,
        );
      }
      let postKind: PostKind = (written || (source ? 'repost' : 'post')) as PostKind;
      if (postKind !== 'post' && !source) {
        collector.tally('csv-no-via', (n) => `${n} row(s) gave a kind but no via: read as posts`);
        postKind = 'post';
      } else if (postKind === 'post' && source) {
        collector.tally('csv-post-via', (n) => `${n} post row(s) named a via: read as reposts`);
        postKind = 'repost';
      }
      const words = cell(content);
      const mentions = [...words.matchAll(MENTION)].map((m) =>
        collector.handle(m[1].replace(/\.$/, '')),
      );
      if (author !== '')
        collector.account({ handle: author, location: cell(location) || undefined });
      collector.add({
        id: cell(id) || `line ${reader.line}`,
        author,
        time: unixTime(cell(time)),
        kind: postKind,
        refAuthor: source && collector.handle(source),
        replyTo: postKind === 'reply' ? source : undefined,
        mentions: postKind === 'repost' ? [] : mentions,
        hashtags: normalizeHashtags([...words.matchAll(HASHTAG)].map((m) => m[1])),
        text: words || undefined,
        location: cell(location) || undefined,
      });
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new DatasetError(file, error.message, `line ${error.line}`);
    }
    throw error;
  }
  return collector.finish(file);
}
