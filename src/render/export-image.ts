import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { GraphView } from './graph-view';

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

export interface LegendEntry {
  color: string;
  label: string;
  /** Relative dot size, 1 = normal. */
  size?: number;
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
    if (options.title) drawText(context, options.title, 16 * unit, 28 * unit, 18 * unit, 'bold');
    if (options.caption)
      drawText(context, options.caption, 16 * unit, canvas.height - 16 * unit, 13 * unit, 'normal');
    if (options.legend) drawLegend(context, legend, canvas.width - 16 * unit, 16 * unit, unit);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the image');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function scaledSettings(settings: Settings, scale: number): Partial<Settings> {
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

function drawText(
  context: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  size: number,
  weight: string,
): void {
  context.font = `${weight} ${size}px system-ui, sans-serif`;
  context.fillStyle = '#1d2330';
  context.textBaseline = 'alphabetic';
  context.fillText(text, x, y);
}

/** A boxed legend in the top right corner: one dot and label per entry. */
function drawLegend(
  context: CanvasRenderingContext2D,
  entries: LegendEntry[],
  right: number,
  top: number,
  unit: number,
): void {
  const line = 20 * unit;
  context.font = `${13 * unit}px system-ui, sans-serif`;
  const textWidth = Math.max(...entries.map((entry) => context.measureText(entry.label).width), 0);
  const width = textWidth + 42 * unit;
  const height = entries.length * line + 12 * unit;
  const left = right - width;
  context.fillStyle = 'rgba(255,255,255,0.92)';
  context.strokeStyle = '#d9dde4';
  context.lineWidth = unit;
  context.fillRect(left, top, width, height);
  context.strokeRect(left, top, width, height);
  entries.forEach((entry, i) => {
    const y = top + 6 * unit + line * (i + 0.5);
    context.beginPath();
    context.fillStyle = entry.color;
    context.arc(left + 16 * unit, y, 5 * unit * (entry.size ?? 1), 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = '#1d2330';
    context.textBaseline = 'middle';
    context.fillText(entry.label, left + 30 * unit, y);
  });
}
