import type { ExportExtras } from '../core/export/graph';
import { toGexf } from '../core/export/gexf';
import { toGraphologyJson } from '../core/export/graphology-json';
import { timelineToCsv } from '../core/export/timeline-csv';
import { CHANNEL_COLORS, UNREACHED_COLOR } from '../core/spread/palette';
import type { Timeline } from '../core/spread/types';
import { downloadText } from '../render/download';
import { nodeKey } from '../core/graph/build';
import { datasetSlug, labelOf, type LoadedDataset } from './loaded-dataset';

export type DataExport = 'timeline-csv' | 'gexf' | 'graphology-json';

export const DATA_EXPORTS: Record<DataExport, { title: string; blurb: string }> = {
  'timeline-csv': {
    title: 'Timeline (CSV)',
    blurb: 'One row per adoption: time, node, label, via, channel.',
  },
  gexf: {
    title: 'Graph with spread times (GEXF)',
    blurb: 'Positions, spread colours and each person’s adoption time, for Gephi’s timeline.',
  },
  'graphology-json': {
    title: 'Graph (graphology JSON)',
    blurb: 'The network with positions, colours and adoption times, for sigma.js and graphology.',
  },
};

/** Downloads the dataset and its spread in one of the export formats, named after the dataset. */
export function exportData(
  kind: DataExport,
  dataset: LoadedDataset,
  timeline: Timeline | null,
): void {
  const slug = datasetSlug(dataset.name);
  const labels = dataset.payload.nodeIds.map((_, node) => labelOf(dataset, node));
  switch (kind) {
    case 'timeline-csv':
      if (!timeline) return;
      downloadText(
        `${slug}_timeline.csv`,
        timelineToCsv(timeline, dataset.payload.nodeIds, labels),
        'text/csv',
      );
      return;
    case 'gexf':
      downloadText(
        `${slug}_spread.gexf`,
        toGexf(dataset.payload, extrasOf(dataset, timeline)),
        'application/xml',
      );
      return;
    case 'graphology-json':
      downloadText(
        `${slug}_spread.json`,
        toGraphologyJson(dataset.payload, extrasOf(dataset, timeline)),
        'application/json',
      );
      return;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown export ${String(unknown)}`);
    }
  }
}

/** Where each person is drawn now, their colour at the end of the spread, and when they adopted. */
function extrasOf(dataset: LoadedDataset, timeline: Timeline | null): ExportExtras {
  const n = dataset.csr.nodeCount;
  const positions = new Float32Array(2 * n);
  dataset.payload.nodeIds.forEach((_, i) => {
    const { x, y } = dataset.graph.getNodeAttributes(nodeKey(i));
    positions[2 * i] = x;
    positions[2 * i + 1] = y;
  });
  const adoptionTimes = new Float64Array(n).fill(Number.NaN);
  const colors: string[] = new Array<string>(n).fill(UNREACHED_COLOR);
  for (let row = 0; row < (timeline?.length ?? 0); row++) {
    const node = timeline!.node[row];
    adoptionTimes[node] = timeline!.time[row];
    colors[node] = CHANNEL_COLORS[timeline!.channel[row]];
  }
  return {
    positions,
    colors,
    adoptionTimes: timeline ? adoptionTimes : null,
    timeUnit: timeline?.timeUnit,
  };
}
