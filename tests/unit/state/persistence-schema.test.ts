import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readSavedDataset,
  readSavedView,
  type SavedView,
} from '../../../src/state/persistence/schema';
import { savedDataset, savedView } from './persistence-helpers';
import { interpretStored } from '../../../src/state/persistence/store';
import { describeSaved, newDatasetId } from '../../../src/state/persistence/offer';
import { storageProblem } from '../../../src/state/persistence/problems';

const reasonOf = <T>(checked: { ok: true; value: T } | { ok: false; reason: string }) =>
  checked.ok ? null : checked.reason;

describe('saved session schema', () => {
  it('accepts the records the app writes, unchanged', () => {
    const dataset = savedDataset();
    expect(readSavedDataset(dataset)).toEqual({ ok: true, value: dataset });
    const link = savedDataset({
      source: {
        type: 'link',
        url: 'https://example.org/samples/x.gexf',
        name: 'x.gexf',
        query: '?sample=school-network',
      },
    });
    expect(readSavedDataset(link)).toEqual({ ok: true, value: link });
    const view = savedView();
    expect(readSavedView(view)).toEqual({ ok: true, value: view });
    expect(readSavedView(savedView({ positions: null, camera: null })).ok).toBe(true);
  });

  it('refuses records from another schema version, saying which', () => {
    expect(reasonOf(readSavedDataset({ ...savedDataset(), version: 2 }))).toMatch(/newer version/);
    expect(reasonOf(readSavedDataset({ ...savedDataset(), version: 0 }))).toMatch(
      /version \(0\) is not one this app knows/,
    );
    expect(reasonOf(readSavedView({ ...savedView(), version: undefined }))).toMatch(/version/);
  });

  it('refuses each kind of damage with a reason', () => {
    const bad: [unknown, RegExp][] = [
      [null, /not a record/],
      [[savedDataset()], /not a record/],
      [{ ...savedDataset(), id: '' }, /no id/],
      [{ ...savedDataset(), savedAt: 'yesterday' }, /no time/],
      [{ ...savedDataset(), source: { type: 'link', url: 'javascript:alert(1)' } }, /http/],
      [{ ...savedDataset(), source: { type: 'link', url: 'file:///etc/passwd' } }, /http/],
      [
        {
          ...savedDataset(),
          source: { type: 'link', url: 'https://x.org/a', name: 'a', query: '?evil=1' },
        },
        /malformed/,
      ],
      [
        { ...savedDataset(), source: { type: 'files', files: ['not a blob'], names: ['a'] } },
        /missing/,
      ],
      [{ ...savedDataset(), source: { type: 'files', files: [new Blob([])], names: [] } }, /names/],
      [{ ...savedDataset(), source: { type: 'ftp' } }, /unknown source/],
    ];
    for (const [record, reason] of bad) expect(reasonOf(readSavedDataset(record))).toMatch(reason);

    const badViews: [Partial<Record<keyof SavedView, unknown>>, RegExp][] = [
      [{ positions: Float32Array.of(0, 1) }, /positions/],
      [{ positions: Float32Array.of(0, 1, NaN, 3) }, /positions/],
      [{ positions: [0, 1, 2, 3] }, /positions/],
      [{ nodeCount: -1 }, /node count/],
      [{ time: Infinity }, /moment/],
      [{ camera: { x: 0, y: 0, ratio: 0, angle: 0 } }, /camera/],
      [{ scenario: { ...savedView().scenario, model: 'telepathy' } }, /model/],
      [{ scenario: { ...savedView().scenario, worth: 1.5 } }, /worth/],
      [{ scenario: { ...savedView().scenario, seed: 1.5 } }, /seed/],
      [{ scenario: { ...savedView().scenario, origins: [3] } }, /origins/],
      [{ scenario: { ...savedView().scenario, mode: 'dreamt' } }, /mode/],
      [{ scenario: { ...savedView().scenario, params: { weighted: 'yes' } } }, /parameters/],
    ];
    for (const [change, reason] of badViews)
      expect(reasonOf(readSavedView({ ...savedView(), ...change }))).toMatch(reason);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true, withObjectString: true }), (value) => {
        expect(() => readSavedDataset(value)).not.toThrow();
        expect(() => readSavedView(value)).not.toThrow();
        expect(() => interpretStored(value, value)).not.toThrow();
      }),
    );
  });

  it('treats __proto__ keys as data, not as a way in', () => {
    const record = JSON.parse(
      '{"version":1,"id":"x","name":"n","savedAt":1,"__proto__":{"source":{"type":"link","url":"https://a.org/","name":"a","query":""}}}',
    );
    expect(reasonOf(readSavedDataset(record))).toMatch(/no source/);
  });
});

describe('interpreting what the store held', () => {
  it('finds nothing, a session, or a corrupt one', () => {
    expect(interpretStored(undefined, undefined)).toEqual({ type: 'none' });
    expect(interpretStored(savedDataset(), undefined)).toMatchObject({ type: 'found', view: null });
    expect(interpretStored(savedDataset(), savedView())).toMatchObject({
      type: 'found',
      view: { datasetId: 'd1' },
    });
    expect(interpretStored({ version: 1 }, undefined)).toMatchObject({ type: 'corrupt' });
    expect(interpretStored(savedDataset(), savedView({ datasetId: 'other' }))).toEqual({
      type: 'corrupt',
      reason: 'the saved view belongs to another dataset',
    });
    expect(interpretStored(savedDataset(), { ...savedView(), time: 'noon' })).toMatchObject({
      type: 'corrupt',
    });
  });
});

describe('wording', () => {
  it('describes the offer with the dataset name and when it was saved', () => {
    const at = new Date(2026, 10, 25, 21, 50).getTime();
    expect(describeSaved({ name: 'a.gexf', savedAt: at }, at, at + 60_000, 'en-GB')).toBe(
      'a.gexf, saved today at 21:50',
    );
    expect(describeSaved({ name: 'a.gexf', savedAt: at }, at, at + 3 * 86_400_000, 'en-GB')).toBe(
      'a.gexf, saved 25 Nov 2026 at 21:50',
    );
  });

  it('makes a different id for each load', () => {
    expect(newDatasetId(1, () => 0.1)).not.toBe(newDatasetId(1, () => 0.2));
    expect(newDatasetId(1, () => 0.1)).not.toBe(newDatasetId(2, () => 0.1));
  });

  it('tells a full quota and a missing IndexedDB apart', () => {
    expect(storageProblem(new DOMException('full', 'QuotaExceededError')).kind).toBe('quota');
    expect(storageProblem(new DOMException('no', 'SecurityError')).kind).toBe('unavailable');
    expect(storageProblem(new ReferenceError('indexedDB is not defined')).kind).toBe('unavailable');
    const other = storageProblem(new Error('disk on fire'));
    expect(other.kind).toBe(typeof indexedDB === 'undefined' ? 'unavailable' : 'other');
  });
});
