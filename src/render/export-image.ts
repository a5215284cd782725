import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import { downloadBlob } from './download';
import { drawOverlay, type LegendEntry } from './canvas-overlay';
import type { GraphView } from './graph-view';

export type { LegendEntry } from './canvas-overlay';

export interface ImageOptions {
  /** Output size as a multiple of the view's size (1, 2 or 4). */
  scale: number;
  /** A CSS colour, or null for a transparent background. */
  background: string | null;
  legend: boolean;
  /** Drawn at the top left when given. */
  title: string | null;
  /** Drawn at the bottom when given (the reach figures). */
  caption: string | null;
}

/**
 * Downloads the current view as a PNG. Goes through @sigma/export-image, which re-renders into its
 * own canvases, because sigma's WebGL canvases do not keep their pixels between frames. At 2x or
 * 4x the view is re-rendered larger with every size scaled alike, so the picture looks the same,
 * only sharper; title, caption and legend are then drawn on top with the 2D canvas.
 */
export async function exportPng(
  view: GraphView,
  fileName: string,
  options: ImageOptions,
  legend: LegendEntry[],
): Promise<void> {
  view.completeDrawing();
  // The helper is typed for sigma's default attribute types; it reads nothing of ours.
  const sigma = view.sigma as unknown as Sigma;
  const { scale } = options;
  const { width, height } = sigma.getDimensions();
  const canvas = await drawOnCanvas(sigma, {
    width: width * scale,
    height: height * scale,
    backgroundColor: options.background ?? 'transparent',
    sigmaSettings: scaledSettings(sigma.getSettings(), scale),
  });
  const context = canvas.getContext('2d');
  if (context) {
    const unit = canvas.width / width; // output pixels per CSS pixel of the view: scale × pixel ratio
    drawOverlay(
      context,
      { title: options.title, caption: options.caption, legend: options.legend ? legend : null },
      unit,
    );
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the image');
  downloadBlob(blob, `${fileName}.png`);
}

/** Sigma settings that draw every size `scale` times larger (nodes, edges, labels, padding). */
export function scaledSettings(settings: Settings, scale: number): Partial<Settings> {
  if (scale === 1) return {};
  const { nodeReducer, edgeReducer } = settings;
  return {
    labelSize: settings.labelSize * scale,
    stagePadding: settings.stagePadding * scale,
    nodeReducer: (key, attributes) => {
      const data = nodeReducer ? nodeReducer(key, attributes) : attributes;
      return { ...data, size: (data.size ?? 1) * scale };
    },
    edgeReducer: (key, attributes) => {
      const data = edgeReducer ? edgeReducer(key, attributes) : attributes;
      return { ...data, size: (data.size ?? 1) * scale };
    },
  };
}
