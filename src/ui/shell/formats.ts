/**
 * Every kind of file Wordspread reads, for the "What files can I use?" dialog: what it is, a tiny
 * example to download (public/examples/), and what to know. tests/unit/ui/formats.test.ts opens
 * each example with the app's own readers, so the list and the readers cannot drift apart.
 */
export interface FileFormat {
  key: string;
  title: string;
  /** Where such files come from, and what the app reads from them. */
  about: string;
  /** Example files, relative to the page (several: drop them together). */
  examples: string[];
  /** The example's first lines, shown as they are. */
  preview: string;
}

export const NETWORK_FORMATS: readonly FileFormat[] = [
  {
    key: 'csv',
    title: 'Edge list (CSV, TSV, spaces)',
    about:
      'One tie a line: who, whom, and optionally a weight. Header or not; comma, tab, semicolon or spaces; SNAP edge lists too. A column "kind" set to "hard" marks the hard network.',
    examples: ['examples/edges.csv'],
    preview: 'source,target,weight,kind\nSylvia,Ali,1,hard\nBea,Chen,2,',
  },
  {
    key: 'tables',
    title: 'Node table + edge table',
    about:
      'Two CSV files dropped together, as Gephi exports them: nodes with Id and Label (and any attributes, for grouping), edges with Source and Target.',
    examples: ['examples/table-nodes.csv', 'examples/table-edges.csv'],
    preview: 'Id,Label,class\n1,Sylvia,MP\n\nSource,Target,Weight\n1,2,1',
  },
  {
    key: 'matrix',
    title: 'Adjacency matrix',
    about: 'A square CSV with the names on the first row and column; a number is a tie’s weight.',
    examples: ['examples/matrix.csv'],
    preview: ',Sylvia,Ali,Bea\nSylvia,0,1,1\nAli,1,0,0',
  },
  {
    key: 'gexf',
    title: 'GEXF (Gephi)',
    about:
      'GEXF 1.0 to 1.3, as Gephi saves it: positions, sizes and colours, typed attributes, dynamic times kept as attributes.',
    examples: ['examples/network.gexf'],
    preview:
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n  <graph defaultedgetype="undirected">',
  },
  {
    key: 'graphml',
    title: 'GraphML',
    about:
      'From yEd, NetworkX, igraph or graph-tool: keys and defaults, per-edge direction, parallel edges.',
    examples: ['examples/network.graphml'],
    preview:
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n  <graph edgedefault="undirected">',
  },
  {
    key: 'graphology',
    title: 'graphology JSON',
    about: 'What graphology (and sigma.js) export: nodes and edges with their attributes.',
    examples: ['examples/graphology.json'],
    preview:
      '{ "nodes": [{ "key": "sylvia", "attributes": { "label": "Sylvia" } }], "edges": […] }',
  },
  {
    key: 'node-link',
    title: 'Node-link JSON (d3, NetworkX)',
    about: 'A "nodes" and a "links" list, with ids or integer indices.',
    examples: ['examples/node-link.json'],
    preview:
      '{ "nodes": [{ "id": "Sylvia" }], "links": [{ "source": "Sylvia", "target": "Ali" }] }',
  },
  {
    key: 'cytoscape',
    title: 'Cytoscape.js JSON',
    about:
      'An "elements" object with nodes and edges, as Cytoscape.js and Cytoscape Desktop write it.',
    examples: ['examples/cytoscape.json'],
    preview: '{ "elements": { "nodes": [{ "data": { "id": "sylvia" } }], "edges": […] } }',
  },
  {
    key: 'pajek',
    title: 'Pajek .net',
    about:
      '*Vertices with labels (and coordinates), then *Arcs, *Edges, their list forms or *Matrix.',
    examples: ['examples/network.net'],
    preview: '*Vertices 4\n1 "Sylvia"\n2 "Ali"\n*Edges\n1 2',
  },
];

export const POSTS_FORMATS: readonly FileFormat[] = [
  {
    key: 'posts-csv',
    title: 'Posts table (our minimal CSV)',
    about:
      'Bring posts from anywhere: time, user, and optionally via (whom they passed on), kind (post, repost, quote, reply), text (hashtags and @mentions are read from it) and location.',
    examples: ['examples/posts.csv'],
    preview:
      'time,user,via,kind,text,location\n2024-05-01T09:00:00Z,sylvia,,post,"I made the math team! #mathteam",Marseille',
  },
  {
    key: 'twitter-v2',
    title: 'Twitter / X API v2 (twarc2)',
    about:
      'Pages of the v2 API as twarc2 writes them, one a line, or twarc’s flattened tweets: retweets, quotes, replies and mentions become ties.',
    examples: ['examples/twitter-v2.jsonl'],
    preview:
      '{"data":[{"id":"1001","author_id":"11","text":"I made the math team! #mathteam",…}],"includes":{…}}',
  },
  {
    key: 'twitter-v1',
    title: 'Twitter API v1.1',
    about: 'Tweets as a JSON array or one a line (JSON lines), with retweeted and quoted statuses.',
    examples: ['examples/twitter-v1.jsonl'],
    preview: '{"created_at":"Wed May 01 09:00:00 +0000 2024","id_str":"1001","user":{…},…}',
  },
  {
    key: 'tweet-tables',
    title: 'Tweet tables (TAGS, twarc CSV)',
    about: 'A TAGS Google Sheet saved as CSV, twarc’s json2csv or twarc-csv tables.',
    examples: ['examples/tweets-tags.csv'],
    preview: 'id_str,from_user,text,created_at,…\n1001,sylvia,I made the math team! #mathteam,…',
  },
  {
    key: 'mastodon',
    title: 'Mastodon',
    about:
      'Status arrays (a tag or account timeline) or a context response; accounts as user@server.',
    examples: ['examples/mastodon.json'],
    preview:
      '[{ "id": "101", "account": { "acct": "sylvia" }, "content": "<p>… #mathteam</p>", … }]',
  },
  {
    key: 'bluesky',
    title: 'Bluesky',
    about:
      'searchPosts, getTimeline or getAuthorFeed responses: replies, quotes, reposts and tags.',
    examples: ['examples/bluesky.json'],
    preview:
      '{ "posts": [{ "uri": "at://…", "author": { "handle": "sylvia.bsky.social" }, "record": {…} }] }',
  },
  {
    key: 'cascade',
    title: 'Cascade trees (Twitter15/16)',
    about:
      'Rumour propagation trees, one parent → child line each; quirks are repaired and reported.',
    examples: ['examples/cascade.txt'],
    preview: "['ROOT', 'ROOT', '0.0']->['1', '1785000000000000000', '0.0']",
  },
];

/** The file's name, for the download attribute and the link text. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
