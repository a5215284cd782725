import { DARK_CANVAS, LIGHT_CANVAS, type CanvasPalette } from '../core/spread/palette';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The canvas palette for the system's colour scheme now. */
export function currentCanvasPalette(): CanvasPalette {
  const dark = typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
  return dark ? DARK_CANVAS : LIGHT_CANVAS;
}

/** Calls back with the new palette whenever the system switches between light and dark. */
export function watchCanvasPalette(onChange: (palette: CanvasPalette) => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(DARK_QUERY);
  const listener = () => onChange(currentCanvasPalette());
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
