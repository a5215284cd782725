import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { GraphView } from './graph-view';

/**
 * Downloads the current view as a PNG. Goes through @sigma/export-image, which re-renders into its own
 * canvases, because sigma's WebGL canvases do not keep their pixels between frames. The helper's
 * default background is transparent; a slide wants a solid one.
 */
export async function exportPng(
  view: GraphView,
  fileName: string,
  backgroundColor = '#ffffff',
): Promise<void> {
  // The helper is typed for sigma's default attribute types; it reads nothing of ours.
  await downloadAsPNG(view.sigma as unknown as Sigma, { fileName, backgroundColor });
}
