/**
 * What exported pictures draw over the graph with the 2D canvas: title, caption and legend. The PNG
 * export and every video frame share these, so both look alike. `unit` is output pixels per CSS
 * pixel of the on-screen look, so the overlay scales with the picture.
 */
export interface LegendEntry {
  color: string;
  label: string;
  /** Relative dot size, 1 = normal. */
  size?: number;
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

export interface Overlay {
  title: string | null;
  caption: string | null;
  legend: LegendEntry[] | null;
}

/** Title at the top left, caption at the bottom left, legend at the top right. */
export function drawOverlay(
  context: CanvasRenderingContext2D,
  overlay: Overlay,
  unit: number,
): void {
  const { width, height } = context.canvas;
  if (overlay.title) drawText(context, overlay.title, 16 * unit, 28 * unit, 18 * unit, 'bold');
  if (overlay.caption)
    drawText(context, overlay.caption, 16 * unit, height - 16 * unit, 13 * unit, 'normal');
  if (overlay.legend) drawLegend(context, overlay.legend, width - 16 * unit, 16 * unit, unit);
}
