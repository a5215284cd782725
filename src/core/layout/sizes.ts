/**
 * Node sizes for FA2's anti-collision (`adjustSizes`). The renderer draws a node with a radius of
 * `size` CSS pixels whatever the drawing's extent, while FA2 measures sizes in layout units; so a
 * pixel size becomes layout units through the ratio between the drawing's extent and the canvas the
 * renderer fits it into. Without the conversion, sizes are either negligible (nothing is separated)
 * or huge (the drawing explodes).
 */

/**
 * The renderer fits the drawing's longer side into the canvas's shorter side, about this many CSS
 * pixels in the app's layout on a laptop screen. A bigger canvas only adds room between nodes.
 */
export const REFERENCE_VIEW_PX = 600;

/** Gap left between two neighbouring discs, as a share of their radii: touching discs read as one. */
const CLEARANCE = 1.25;

/** Longer side of the bounding box of x, y interleaved positions (0 when fewer than two points). */
export function longerSide(xy: Float32Array): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    if (xy[i] < minX) minX = xy[i];
    if (xy[i] > maxX) maxX = xy[i];
    if (xy[i + 1] < minY) minY = xy[i + 1];
    if (xy[i + 1] > maxY) maxY = xy[i + 1];
  }
  return xy.length >= 4 ? Math.max(maxX - minX, maxY - minY) : 0;
}

/**
 * Pixel radii → layout units for the drawing `xy`. Missing, non-finite or non-positive sizes count as
 * 1 pixel, so one bad value cannot break the anti-collision of the others.
 */
export function sizesInLayoutUnits(
  pixelSizes: Float32Array,
  xy: Float32Array,
  viewPx = REFERENCE_VIEW_PX,
): Float32Array {
  const side = longerSide(xy);
  const unitsPerPixel = side > 0 ? side / viewPx : 1;
  const out = new Float32Array(pixelSizes.length);
  for (let i = 0; i < pixelSizes.length; i++) {
    const px = pixelSizes[i];
    out[i] = (Number.isFinite(px) && px > 0 ? px : 1) * unitsPerPixel * CLEARANCE;
  }
  return out;
}
