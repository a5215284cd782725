import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { BufferSource, EncodedPacketSink, Input, WEBM } from 'mediabunny';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const timeOf = async (page: Page) =>
  Number(await page.getByTestId('timeline-time').getAttribute('data-time'));

/** Opens the dialog and picks a size, rate, duration and legend. */
async function chooseVideo(
  page: Page,
  options: { size: RegExp; fps: number; seconds: number; legend?: boolean },
) {
  await page.getByRole('button', { name: 'Export video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export video' });
  await dialog.getByRole('radio', { name: options.size }).check();
  await dialog.getByRole('radio', { name: `${options.fps} fps` }).check();
  await dialog
    .getByRole('spinbutton', { name: 'Duration (seconds)' })
    .fill(String(options.seconds));
  if (options.legend !== undefined)
    await dialog.getByRole('checkbox', { name: 'Legend' }).setChecked(options.legend);
  return dialog;
}

/** Serious and critical WCAG 2.1 A/AA violations inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('dialog[open]')
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What mediabunny reads back from a WebM file: the same library that wrote it. */
async function parseWebm(bytes: Uint8Array) {
  const input = new Input({ source: new BufferSource(bytes), formats: [WEBM] });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const sink = new EncodedPacketSink(track);
  const timestamps: number[] = [];
  for await (const packet of sink.packets()) timestamps.push(packet.timestamp);
  return {
    mimeType: await input.getMimeType(),
    codec: await track.getCodec(),
    width: await track.getCodedWidth(),
    height: await track.getCodedHeight(),
    packets: timestamps.length,
    timestamps,
    duration: await input.computeDuration(),
    metadataDuration: await input.getDurationFromMetadata(),
  };
}

/**
 * Decodes a frame of the video in Chromium (a blank page: the app's CSP rightly refuses blob:
 * media) and counts its pixels near a colour, to see that frames show the spread.
 */
async function colourCount(page: Page, bytes: Buffer, at: number, hex: string): Promise<number> {
  return page.evaluate(
    async ({ base64, at, hex }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve;
        video.onerror = () => reject(new Error(`video error ${video.error?.code}`));
      });
      // The frame at `at` is on the element once it is presented, which can be after "seeked".
      const presented = new Promise((resolve) => {
        video.requestVideoFrameCallback(resolve);
        setTimeout(resolve, 3_000);
      });
      video.currentTime = at;
      await new Promise((resolve) => (video.onseeked = resolve));
      await presented;
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext('2d')!;
      // "seeked" can come before the decoder has the frame (on a busy machine): until it does, the
      // video draws as black. Every frame of ours has a white background, so black means "not yet".
      let pixels = new Uint8ClampedArray(0);
      for (let attempt = 0; attempt < 40; attempt++) {
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.drawImage(video, 0, 0);
        pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        if (pixels[0] + pixels[1] + pixels[2] > 600) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const near =
          Math.abs(pixels[i] - r) < 28 &&
          Math.abs(pixels[i + 1] - g) < 28 &&
          Math.abs(pixels[i + 2] - b) < 28;
        if (near) count++;
      }
      return count;
    },
    { base64: bytes.toString('base64'), at, hex },
  );
}

describe('export video', () => {
  it('downloads a WebM with the requested size, frame count and duration', async () => {
    const { page, errors } = await openApp(browser);
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toBe('converged');
    const dialog = await chooseVideo(page, { size: /^360p/, fps: 24, seconds: 2 });
    await expect.poll(() => dialog.getByText('48 frames').count()).toBe(1);
    expect(await dialogViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Save video' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('school-network_spread.webm');
    const file = artifactPath('spread.webm');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    await dialog.getByText('Saved school-network_spread.webm').waitFor();

    const webm = await parseWebm(new Uint8Array(bytes));
    expect(webm.mimeType).toMatch(/^video\/webm/);
    expect(webm.codec).toBe('vp9');
    expect([webm.width, webm.height]).toEqual([640, 360]);
    expect(webm.packets).toBe(48);
    expect(webm.timestamps[47]).toBeCloseTo(47 / 24, 3);
    expect(webm.duration).toBeCloseTo(2, 3);
    expect(webm.metadataDuration).toBeCloseTo(2, 3);

    // The first frame shows the origin alone, the last the whole spread in soft-network orange.
    const blank = await browser.newPage();
    const softFirst = await colourCount(blank, bytes, 0, '#E69F00');
    const softLast = await colourCount(blank, bytes, 1.99, '#E69F00');
    expect(softLast).toBeGreaterThan(200);
    expect(softLast).toBeGreaterThan(5 * softFirst);
    await blank.close();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('stops promptly on Cancel, downloads nothing and leaves the replay where it was', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('slider', { name: 'Timeline' }).fill('3');
    if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0)
      await page.getByRole('button', { name: 'Pause' }).click();
    const before = await timeOf(page);
    const canvases = await page.locator('canvas').count();
    let downloads = 0;
    page.on('download', () => downloads++);

    const dialog = await chooseVideo(page, { size: /^720p/, fps: 60, seconds: 60 });
    await dialog.getByRole('button', { name: 'Save video' }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Video progress' });
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    // Encoding yields between frames: the page answers while it runs.
    const asked = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - asked).toBeLessThan(1000);
    const cancelled = Date.now();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Save video' }).waitFor({ timeout: 5000 });
    expect(Date.now() - cancelled).toBeLessThan(5000);

    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
    expect(await timeOf(page)).toBe(before);
    expect(await page.locator('canvas').count()).toBe(canvases);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The app still works: the replay plays on from where it was.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => timeOf(page)).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so, instead of failing, where the browser cannot encode', async () => {
    const { page } = await openApp(browser);
    // A browser without WebCodecs' encoder, as older ones (and plain-http pages) are.
    await page.addInitScript(() => delete (window as { VideoEncoder?: unknown }).VideoEncoder);
    await page.reload();
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    await page.getByRole('button', { name: 'Export video' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export video' });
    await dialog.getByRole('alert').filter({ hasText: 'cannot encode video' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Save video' }).isDisabled()).toBe(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await dialogViolations(page)).toEqual([]);
    }
    await page.context().close();
  });
});
