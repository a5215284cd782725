/**
 * Writes Twitter API v2 pages (as twarc2 collects them) the way `twarc2 csv` (DocNow/twarc-csv,
 * dataframe_converter.py) lays them out, so the CSV reader can be checked against the JSON reader on
 * the same real tweets. The mapping, as twarc-csv documents and does it:
 * - each tweet is flattened: `author` and each referenced tweet inlined from the page's `includes`;
 * - with `inlineReferenced` (twarc-csv's default), each referenced tweet that the page includes is
 *   written as a row of its own just before the tweet pointing at it; rows are deduplicated by id;
 * - `referenced_tweets` becomes `referenced_tweets.<type>.id` columns; `retweeted_user_id`,
 *   `quoted_user_id` (and `*_username`, `in_reply_to_username` when `usernames`) name the authors;
 * - a retweet takes its original's text and entities ("merge retweets");
 * - `entities.hashtags` / `entities.mentions` are JSON lists of "#tag" / "@handle";
 * - newlines in text are written as the two characters `\n`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON read independently of the adapter */
type Raw = any;

/** twarc-csv's DEFAULT_TWEET_COLUMNS, the header it writes. */
export const TWARC_CSV_COLUMNS = `id conversation_id referenced_tweets.replied_to.id
referenced_tweets.retweeted.id referenced_tweets.quoted.id author_id in_reply_to_user_id
in_reply_to_username retweeted_user_id retweeted_username quoted_user_id quoted_username created_at
text lang source public_metrics.impression_count public_metrics.reply_count
public_metrics.retweet_count public_metrics.quote_count public_metrics.like_count reply_settings
edit_history_tweet_ids edit_controls.edits_remaining edit_controls.editable_until
edit_controls.is_edit_eligible possibly_sensitive withheld.scope withheld.copyright
withheld.country_codes entities.annotations entities.cashtags entities.hashtags entities.mentions
entities.urls context_annotations attachments.media attachments.media_keys
attachments.poll.duration_minutes attachments.poll.end_datetime attachments.poll.id
attachments.poll.options attachments.poll.voting_status attachments.poll_ids author.id
author.created_at author.username author.name author.description
author.entities.description.cashtags author.entities.description.hashtags
author.entities.description.mentions author.entities.description.urls author.url author.location
author.pinned_tweet_id author.profile_image_url author.protected
author.public_metrics.followers_count author.public_metrics.following_count
author.public_metrics.listed_count author.public_metrics.tweet_count author.verified
author.withheld.scope author.withheld.copyright author.withheld.country_codes
geo.coordinates.coordinates geo.coordinates.type geo.country geo.country_code geo.full_name
geo.geo.bbox geo.geo.type geo.id geo.name geo.place_id geo.place_type matching_rules
__twarc.retrieved_at __twarc.url __twarc.version`.split(/\s+/);

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',');
}

interface Options {
  inlineReferenced: boolean;
  /** Write the `*_username` columns (newer twarc-csv); older versions had only the user ids. */
  usernames: boolean;
}

export function twarcCsvFromPages(pages: Raw[], options: Options): string {
  const columns = options.usernames
    ? TWARC_CSV_COLUMNS
    : TWARC_CSV_COLUMNS.filter((name) => !/_username$/.test(name));
  const lines = [csvLine(columns)];
  const written = new Set<string>();
  for (const page of pages) {
    const users = new Map<string, Raw>(page.includes.users.map((u: Raw) => [u.id, u]));
    const places = new Map<string, Raw>((page.includes.places ?? []).map((p: Raw) => [p.id, p]));
    const included = new Map<string, Raw>(page.includes.tweets.map((t: Raw) => [t.id, t]));
    const write = (tweet: Raw) => {
      if (written.has(tweet.id)) return;
      written.add(tweet.id);
      const row = formatTweet(tweet, users, places, included, options.usernames);
      lines.push(csvLine(columns.map((name) => row[name])));
    };
    for (const tweet of page.data) {
      if (options.inlineReferenced) {
        for (const ref of tweet.referenced_tweets ?? []) {
          const original = included.get(ref.id);
          if (original) write(original);
        }
      }
      write(tweet);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatTweet(
  tweet: Raw,
  users: Map<string, Raw>,
  places: Map<string, Raw>,
  included: Map<string, Raw>,
  usernames: boolean,
): Record<string, unknown> {
  const author = users.get(tweet.author_id);
  const row: Record<string, unknown> = {
    id: tweet.id,
    conversation_id: tweet.conversation_id,
    author_id: tweet.author_id,
    in_reply_to_user_id: tweet.in_reply_to_user_id,
    created_at: tweet.created_at,
    lang: tweet.lang,
    source: tweet.source,
    'author.id': author?.id,
    'author.username': author?.username,
    'author.name': author?.name,
    'author.location': author?.location,
    '__twarc.version': '2.14.0',
  };
  let text = tweet.text;
  let entities = tweet.entities;
  for (const ref of tweet.referenced_tweets ?? []) {
    row[`referenced_tweets.${ref.type}.id`] = ref.id;
    const target = included.get(ref.id);
    const targetAuthor = target ? users.get(target.author_id) : undefined;
    if (ref.type === 'replied_to' && usernames) row.in_reply_to_username = targetAuthor?.username;
    if (ref.type === 'retweeted' && target) {
      row.retweeted_user_id = target.author_id;
      if (usernames) row.retweeted_username = targetAuthor?.username;
      text = target.text ?? text;
      entities = target.entities ?? entities;
    }
    if (ref.type === 'quoted' && target) {
      row.quoted_user_id = target.author_id;
      if (usernames) row.quoted_username = targetAuthor?.username;
    }
  }
  row.text = String(text).replace(/\r/g, '').replace(/\n/g, '\\n');
  if (entities?.hashtags) {
    row['entities.hashtags'] = JSON.stringify(entities.hashtags.map((h: Raw) => `#${h.tag}`));
  }
  if (entities?.mentions) {
    row['entities.mentions'] = JSON.stringify(entities.mentions.map((m: Raw) => `@${m.username}`));
  }
  const place = tweet.geo?.place_id ? places.get(tweet.geo.place_id) : undefined;
  if (place) {
    row['geo.full_name'] = place.full_name;
    row['geo.name'] = place.name;
    row['geo.place_id'] = place.id;
  }
  return row;
}
