import { describe, expect, it } from 'vitest';
import { csvField, timelineToCsv } from '../../../src/core/export/timeline-csv';
import { CsvReader } from '../../../src/core/io/csv-reader';
import type { Timeline } from '../../../src/core/spread/types';

function timeline(rows: [number, number, number, number][], unit: Timeline['timeUnit']): Timeline {
  return {
    length: rows.length,
    time: Float64Array.from(rows, (r) => r[0]),
    node: Int32Array.from(rows, (r) => r[1]),
    via: Int32Array.from(rows, (r) => r[2]),
    channel: Uint8Array.from(rows, (r) => r[3]),
    timeUnit: unit,
    hardOnlyReach: 2,
  };
}

const IDS = ['s', 'a,b', 'q"uote', 'multi\nline'];
const LABELS = ['Sylvia', 'Anne, Bob', 'He said "hi"', undefined];

describe('timelineToCsv', () => {
  it('quotes per RFC 4180 and names via by id and channel by word', () => {
    const csv = timelineToCsv(
      timeline(
        [
          [0, 0, -1, 0],
          [0.5, 1, 0, 1],
          [1.25, 2, 1, 2],
          [3, 3, -1, 3],
        ],
        'hours',
      ),
      IDS,
      LABELS,
    );
    expect(csv).toBe(
      [
        'time,node,label,via,channel',
        '0,s,Sylvia,,origin',
        '0.5,"a,b","Anne, Bob",s,hard',
        '1.25,"q""uote","He said ""hi""","a,b",soft',
        '3,"multi\nline",,,outside',
        '',
      ].join('\r\n'),
    );
    // Our own reader (csv-spectrum tested) reads back the same cells.
    const reader = new CsvReader(csv, ',');
    const rows: string[][] = [];
    for (let row = reader.next(); row; row = reader.next()) rows.push(row);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['s', 'Sylvia', ''],
      ['a,b', 'Anne, Bob', 's'],
      ['q"uote', 'He said "hi"', 'a,b'],
      ['multi\nline', '', ''],
    ]);
  });

  it('writes recorded times as ISO 8601 dates', () => {
    const t = Date.UTC(2021, 5, 26, 14, 30, 5);
    const csv = timelineToCsv(timeline([[t, 0, -1, 0]], 'epoch-ms'), IDS);
    expect(csv.split('\r\n')[1]).toBe('2021-06-26T14:30:05.000Z,s,,,origin');
  });

  it('leaves plain fields alone and quotes only what needs it', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('')).toBe('');
  });
});
