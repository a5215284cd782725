/** Bundled samples, served from public/samples/ with their attribution beside them. */
export const SAMPLES: Record<string, { file: string; title: string }> = {
  'school-network': {
    file: 'samples/school-network.gexf',
    title: 'High-school friendships (Marseille, 2013)',
  },
};
export const DEFAULT_SAMPLE = 'school-network';

export type DatasetSource = { type: 'url'; url: string; name: string };

/** What the page's URL asks to open: `?data=<url>`, `?sample=<name>`, else the default sample. */
export function sourceFromLocation(location: Location, baseUri: string): DatasetSource {
  const query = new URLSearchParams(location.search);
  const data = query.get('data');
  if (data) return { type: 'url', url: data, name: nameFromUrl(data) };
  const sample = query.get('sample');
  return sampleSource(sample && SAMPLES[sample] ? sample : DEFAULT_SAMPLE, baseUri);
}

export function sampleSource(name: string, baseUri: string): DatasetSource {
  const { file } = SAMPLES[name];
  return { type: 'url', url: new URL(file, baseUri).href, name: nameFromUrl(file) };
}

/** "https://x.org/data/karate.gexf?raw=1" → "karate.gexf". */
export function nameFromUrl(url: string): string {
  const last = url.split('?')[0].split('#')[0].split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}
