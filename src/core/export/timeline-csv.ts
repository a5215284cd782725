import { CHANNEL_NAMES, type Timeline } from '../spread/types';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function timeField(time: number, unit: Timeline['timeUnit']): string {
  if (unit === 'epoch-ms' && Number.isFinite(time)) return new Date(time).toISOString();
  return String(time);
}

/**
 * The timeline as CSV with the header `time,node,label,via,channel`: one row per adoption in time
 * order; node and via are node ids (via empty for origins and outside adoptions), channel is its
 * word (origin, hard, soft, outside). Simulated times are hours; recorded ones ISO 8601 dates.
 * Lines end in CRLF as RFC 4180 says. Cells are written as they are: a label such as `=SUM(…)`
 * stays that text, so whoever opens the file in a spreadsheet should import it as text.
 */
export function timelineToCsv(
  timeline: Timeline,
  nodeIds: readonly string[],
  labels?: readonly (string | null | undefined)[] | null,
): string {
  const lines = ['time,node,label,via,channel'];
  for (let i = 0; i < timeline.length; i++) {
    const node = timeline.node[i];
    const via = timeline.via[i];
    lines.push(
      [
        timeField(timeline.time[i], timeline.timeUnit),
        csvField(nodeIds[node] ?? String(node)),
        csvField(labels?.[node] ?? ''),
        via < 0 ? '' : csvField(nodeIds[via] ?? String(via)),
        CHANNEL_NAMES[timeline.channel[i]] ?? String(timeline.channel[i]),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
