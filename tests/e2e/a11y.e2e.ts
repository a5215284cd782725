import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Serious and critical WCAG 2.1 A/AA violations in `scope` (the whole page by default). */
async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (scope) builder = builder.include(scope);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A page with the replay paused at its end, in one colour scheme. */
async function settledPage(colorScheme: 'light' | 'dark'): Promise<Page> {
  const { page } = await openApp(browser);
  await page.emulateMedia({ colorScheme });
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.fill(String(await timeline.getAttribute('max')));
  return page;
}

describe('accessibility audit (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no serious violation on the main screen in the ${scheme} theme`, async () => {
      const page = await settledPage(scheme);
      // Open every disclosure, so their contents are audited too.
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('catches a violation when there is one (the audit itself can fail)', async () => {
    const { page } = await openApp(browser);
    await page.evaluate(() => document.body.append(document.createElement('button')));
    expect((await seriousViolations(page)).join('\n')).toMatch(/^button-name:/m);
    await page.context().close();
  });

  it('finds no serious violation in the dialogs a newcomer opens', async () => {
    const page = await settledPage('light');
    const dialogs: [string, string?][] = [
      ['Samples'],
      ['Samples', 'What files can I use?'],
      ['About'],
      ['Export data'],
      ['Export video'],
      ['Share'],
      ['Settings'],
    ];
    const found: string[] = [];
    for (const [open, inner] of dialogs) {
      await page.getByRole('button', { name: open, exact: true }).click();
      if (inner) await page.getByRole('dialog').getByRole('button', { name: inner }).click();
      const dialog = page.getByRole('dialog').last();
      await dialog.waitFor();
      for (const violation of await seriousViolations(page, 'dialog[open]')) {
        found.push(`${inner ?? open}: ${violation}`);
      }
      // Escape closes the innermost dialog first.
      await page.keyboard.press('Escape');
      if (inner) await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('finds no serious violation on the empty drop target', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}?data=${encodeURIComponent('nothing-here.gexf')}`);
    await page.getByTestId('empty-state').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows where the keyboard focus is', async () => {
    const page = await settledPage('dark');
    const play = page.getByRole('button', { name: 'Play' });
    await play.focus();
    // Focus by keyboard: a Tab away and back, so :focus-visible applies as it would for a person.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await play.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('announces the figures politely when the replay stops, not every frame', async () => {
    const page = await settledPage('light');
    const status = page.getByRole('region', { name: 'Figures' }).getByRole('status');
    expect(await status.getAttribute('aria-live')).toBeNull(); // role=status is polite already
    const final = await page.getByTestId('reach-final').textContent();
    await expect.poll(() => status.textContent()).toContain(`of ${final} at the end`);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => status.textContent()).toBe('');
    await page.context().close();
  });
});
