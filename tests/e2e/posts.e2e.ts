import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, dropFile, launchBrowser, openApp, readNumber } from './browser';

const TWEETS = path.join(DATASETS, 'posts/twarc-network_tweets.jsonl');

interface Tweet {
  id: string;
  author_id: string;
  entities?: { hashtags?: { tag: string }[] };
  referenced_tweets?: { type: string; id: string }[];
}

/**
 * Distinct accounts that used a hashtag, read straight from the twarc pages: a tweet's own hashtags,
 * plus for a retweet those of the original (twarc truncates retweet text).
 */
function adoptersOf(hashtag: string): number {
  const tweets = new Map<string, Tweet>();
  for (const line of readFileSync(TWEETS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const page = JSON.parse(line) as { data?: Tweet[]; includes?: { tweets?: Tweet[] } };
    for (const tweet of [...(page.data ?? []), ...(page.includes?.tweets ?? [])])
      tweets.set(tweet.id, tweet);
  }
  const tagsOf = (tweet: Tweet | undefined) =>
    (tweet?.entities?.hashtags ?? []).map((h) => h.tag.toLowerCase());
  const accounts = new Set<string>();
  for (const tweet of tweets.values()) {
    const retweeted = tweet.referenced_tweets?.find((r) => r.type === 'retweeted');
    const tags = [...tagsOf(tweet), ...tagsOf(retweeted && tweets.get(retweeted.id))];
    if (tags.includes(hashtag)) accounts.add(tweet.author_id);
  }
  return accounts.size;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('hashtag datasets', () => {
  it('replays a picked hashtag to the end: reach equals the accounts that used it', async () => {
    const { page, errors } = await openApp(browser);
    await dropFile(page, TWEETS);
    await expect.poll(() => readNumber(page, 'node-count')).toBeGreaterThan(700);
    const picker = page.getByRole('combobox', { name: 'Hashtag' });
    await picker.selectOption('euro2020');
    await page.getByLabel('Speed').selectOption('16');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });

    const expected = adoptersOf('euro2020');
    expect(expected).toBeGreaterThan(10);
    expect(await readNumber(page, 'reach-total')).toBe(expected);
    const split =
      (await readNumber(page, 'reach-hard')) +
      (await readNumber(page, 'reach-soft')) +
      (await readNumber(page, 'reach-outside'));
    expect(split + 1).toBe(expected);
    // Real dates on the time axis: the collection is from 26 June 2021.
    expect(await page.getByTestId('timeline-time').textContent()).toMatch(
      /^2021-06-2\d \d\d:\d\d$/,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the bundled hashtag sample, gzipped, from the gallery link', async () => {
    const { page } = await openApp(browser, '?sample=hashtag-replay');
    expect(await readNumber(page, 'node-count')).toBe(751);
    expect(await page.getByRole('combobox', { name: 'Hashtag' }).inputValue()).toBe(
      'blacklivesmatter',
    );
    await page.context().close();
  });

  it('says clearly that an account list is not a post dataset, and keeps the network', async () => {
    const { page } = await openApp(browser);
    await dropFile(
      page,
      path.join(DATASETS, 'posts/rtoot_mastodon-social_reblogged_by_109294719267373593.json'),
    );
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /reblogged_by_109294719267373593\.json: this is a list of accounts/,
    );
    expect(await readNumber(page, 'node-count')).toBe(134);
    await page.context().close();
  });

  it('can re-simulate a recorded network to ask "what if"', async () => {
    const { page } = await openApp(browser);
    await dropFile(page, TWEETS);
    await expect.poll(() => readNumber(page, 'node-count')).toBeGreaterThan(700);
    await page.getByRole('radio', { name: 'Simulated (what if)' }).check();
    await page.getByRole('slider', { name: 'Worth' }).fill('0');
    await page.getByRole('slider', { name: 'Delivery' }).fill('0');
    await page.getByRole('slider', { name: 'Timeline' }).fill('1000');
    expect(await readNumber(page, 'reach-total')).toBe(1);
    expect(await page.getByTestId('timeline-time').textContent()).toMatch(/ h /);
    await page.context().close();
  });
});
