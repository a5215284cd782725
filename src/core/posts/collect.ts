import type { AccountInfo, Platform, Post, PostsDataset } from './post';

/**
 * Shared bookkeeping for the adapters: deduplicates posts by id, merges what is known about each
 * account, gives every handle one spelling, and turns repeated repairs into one counted warning
 * ("12 posts appeared twice"), never one warning per post.
 */
export class PostCollector {
  private readonly posts: Post[] = [];
  private readonly referenced = new Map<string, Post>();
  private readonly postIds = new Set<string>();
  /** Lower-cased handle → account; handles are case-insensitive on every platform we read. */
  private readonly accounts = new Map<string, AccountInfo>();
  /** Lower-cased handle → first spelling seen anywhere (a mention, a reply target). */
  private readonly spellings = new Map<string, string>();
  private readonly tallies = new Map<string, { count: number; say: (n: number) => string }>();
  private readonly notes: string[] = [];

  constructor(readonly platform: Platform) {}

  /** Registers an account object; its spelling of the handle wins over spellings from mentions. */
  account(info: AccountInfo): string {
    const key = info.handle.toLowerCase();
    const known = this.accounts.get(key);
    if (!known) {
      const fresh = Object.create(null) as AccountInfo;
      fresh.handle = info.handle;
      this.accounts.set(key, fresh);
      mergeAccount(fresh, info);
    } else {
      mergeAccount(known, info);
    }
    return info.handle;
  }

  /** A handle seen only as a reference (mention, reply target); returns it for chaining. */
  handle(raw: string): string {
    const key = raw.toLowerCase();
    if (!this.spellings.has(key)) this.spellings.set(key, raw);
    return raw;
  }

  /** A post the file holds. Later copies of the same id (overlapping pages) are dropped. */
  add(post: Post): void {
    if (!this.usable(post)) return;
    if (this.postIds.has(post.id)) {
      this.tally('duplicate', (n) => `${n} post(s) appeared more than once: kept the first copy`);
      return;
    }
    this.postIds.add(post.id);
    this.posts.push(post);
  }

  /** A post shown only because a collected post points at it; the first full copy is kept. */
  addReferenced(post: Post): void {
    if (!this.usable(post) || this.referenced.has(post.id)) return;
    this.referenced.set(post.id, post);
  }

  /** Counts one occurrence of a repair; `say` renders the total once at the end. */
  tally(key: string, say: (n: number) => string): void {
    const entry = this.tallies.get(key);
    if (entry) entry.count++;
    else this.tallies.set(key, { count: 1, say });
  }

  warn(message: string): void {
    this.notes.push(message);
  }

  get postCount(): number {
    return this.posts.length;
  }

  finish(name: string): PostsDataset {
    const canonical = (raw: string): string => {
      const key = raw.toLowerCase();
      return this.accounts.get(key)?.handle ?? this.spellings.get(key) ?? raw;
    };
    const referenced = [...this.referenced.values()].filter((post) => !this.postIds.has(post.id));
    for (const post of this.posts) this.canonicalize(post, canonical);
    for (const post of referenced) this.canonicalize(post, canonical);

    const accounts = new Map<string, AccountInfo>();
    for (const info of this.accounts.values()) accounts.set(info.handle, info);
    // Every handle a post names becomes an account, so the network has a node for it.
    const ensure = (handle: string | undefined) => {
      if (handle !== undefined && !accounts.has(handle)) {
        const info = Object.create(null) as AccountInfo;
        info.handle = handle;
        accounts.set(handle, info);
      }
    };
    for (const list of [this.posts, referenced]) {
      for (const post of list) {
        ensure(post.author);
        ensure(post.refAuthor);
        ensure(post.replyTo);
        for (const mention of post.mentions) ensure(mention);
      }
    }
    const warnings = [...this.notes];
    for (const { count, say } of this.tallies.values()) warnings.push(say(count));
    return { name, platform: this.platform, posts: this.posts, referenced, accounts, warnings };
  }

  private usable(post: Post): boolean {
    if (Number.isFinite(post.time) && post.author !== '') return true;
    this.tally('unusable', (n) => `${n} post(s) had no readable time or author: skipped them`);
    return false;
  }

  private canonicalize(post: Post, canonical: (raw: string) => string): void {
    post.author = canonical(post.author);
    if (post.refAuthor !== undefined) post.refAuthor = canonical(post.refAuthor);
    if (post.replyTo !== undefined) post.replyTo = canonical(post.replyTo);
    if (post.mentions.length > 0) post.mentions = [...new Set(post.mentions.map(canonical))];
  }
}

function mergeAccount(target: AccountInfo, info: AccountInfo): void {
  // The first non-empty value wins: pages are read in order and a profile rarely changes mid-capture.
  if (!target.name && info.name) target.name = info.name;
  if (!target.location && info.location) target.location = info.location;
  if (!target.instance && info.instance) target.instance = info.instance;
  if (!target.platformId && info.platformId) target.platformId = info.platformId;
}

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** Twitter v1.1 writes "Wed Oct 10 20:19:24 +0000 2018", which Date.parse reads differently per engine. */
const TWITTER_V1_TIME =
  /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** Epoch ms from an ISO 8601 string, a v1.1 date, or a number of ms; NaN when unreadable. */
export function parseTime(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string' || value === '') return Number.NaN;
  const v1 = TWITTER_V1_TIME.exec(value);
  if (v1) {
    const month = MONTHS[v1[1]];
    if (month === undefined) return Number.NaN;
    const [, , day, hours, minutes, seconds, sign, offsetHours, offsetMinutes, year] = v1;
    const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
    const utc = Date.UTC(+year, month, +day, +hours, +minutes, +seconds);
    return sign === '-' ? utc + offset : utc - offset;
  }
  return Date.parse(value);
}

/** Narrowing helpers for untrusted JSON. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A string id, also from a number (v1.1 gives both `id` and `id_str`; the number loses digits). */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
