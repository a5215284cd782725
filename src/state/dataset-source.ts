/** Bundled samples, served from public/samples/ with their attribution beside them. */
export interface Sample {
  file: string;
  title: string;
  /** One sentence saying what the sample shows. */
  blurb: string;
  /** A small picture of it, made by scripts/thumbnails.mjs from the app itself. */
  thumbnail: string;
}

export const SAMPLES: Record<string, Sample> = {
  'school-network': {
    thumbnail: 'samples/school-network.jpg',
    file: 'samples/school-network.gexf',
    title: 'High-school friendships',
    blurb:
      'Start here: 134 students of a Marseille high school and the friends they named. Sylvia tells her friends; watch who hears it from whom (SocioPatterns, 2013).',
  },
  'hashtag-replay': {
    thumbnail: 'samples/hashtag-replay.jpg',
    file: 'samples/blacklivesmatter-tweets.jsonl.gz',
    title: 'A hashtag replay',
    blurb:
      'Real posts: 500 tweets of June 2021, mostly #BlackLivesMatter, replayed on their real times: who passed the word to whom.',
  },
  'les-miserables': {
    thumbnail: 'samples/les-miserables.jpg',
    file: 'samples/les-miserables.json',
    title: 'Les Misérables',
    blurb:
      'Characters of Hugo’s novel, tied when they appear together: a classic small network to try origins on.',
  },
  'sigma-demo': {
    thumbnail: 'samples/sigma-demo.jpg',
    file: 'samples/sigma-demo.json',
    title: 'A bigger network',
    blurb:
      'A bigger network, 2,085 people and 5,409 ties from the sigma.js demo, to feel the speed.',
  },
};
export const DEFAULT_SAMPLE = 'school-network';

/** Where a dataset is fetched from, and the query string that asks for it again in a link. */
export type DatasetSource = { type: 'url'; url: string; name: string; query: string };

/** What the page's URL asks to open: `?data=<url>`, `?sample=<name>`, else the default sample. */
export function sourceFromLocation(location: Location, baseUri: string): DatasetSource {
  const query = new URLSearchParams(location.search);
  const data = query.get('data');
  if (data)
    return {
      type: 'url',
      url: data,
      name: nameFromUrl(data),
      query: `?${new URLSearchParams({ data })}`,
    };
  const sample = query.get('sample');
  return sampleSource(sample && SAMPLES[sample] ? sample : DEFAULT_SAMPLE, baseUri);
}

export function sampleSource(name: string, baseUri: string): DatasetSource {
  const { file } = SAMPLES[name];
  return {
    type: 'url',
    url: new URL(file, baseUri).href,
    name: nameFromUrl(file),
    query: `?${new URLSearchParams({ sample: name })}`,
  };
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

/** The page's address asking for another dataset (`query` "" for a file from the person's computer). */
export function hrefWithQuery(href: string, query: string): string {
  const url = new URL(href);
  url.search = query;
  return url.href;
}
