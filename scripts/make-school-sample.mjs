// Builds public/samples/school-network.gexf from the SocioPatterns files in ../shared/datasets/school.
// Run once with `node scripts/make-school-sample.mjs`; the output is committed.
//
// Only the 134 students who appear in the friendship survey are kept (the metadata lists all 329
// students of the school); each keeps their class and gender. Sylvia carries origin=true, which
// Wordspread reads as the default origin of a dataset. The default origin ("Sylvia") is the
// girl of class MP whose number of named friends is the median of that class, ties broken by id.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const dir = new URL('../../shared/datasets/school/', import.meta.url);
const arcs = gunzipSync(readFileSync(new URL('Friendship-network_data_2013.csv.gz', dir)))
  .toString('utf8')
  .trim()
  .split(/\r?\n/)
  .map((line) => line.trim().split(/\s+/));
const meta = new Map(
  readFileSync(new URL('metadata_2013.txt', dir), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(/\s+/))
    .map(([id, klass, gender]) => [id, { klass, gender }]),
);

const ids = [...new Set(arcs.flat())].sort((a, b) => Number(a) - Number(b));
const outDegree = new Map(ids.map((id) => [id, 0]));
for (const [source] of arcs) outDegree.set(source, outDegree.get(source) + 1);

const mp = ids.filter((id) => meta.get(id)?.klass === 'MP' && meta.get(id)?.gender === 'F');
const degrees = mp.map((id) => outDegree.get(id)).sort((a, b) => a - b);
const median = degrees[Math.floor(degrees.length / 2)];
const sylvia = mp.find((id) => outDegree.get(id) === median);

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const nodes = ids.map((id) => {
  const m = meta.get(id) ?? { klass: 'unknown', gender: 'unknown' };
  return `      <node id="${id}" label="${id === sylvia ? 'Sylvia' : `Student ${id}`}">
        <attvalues><attvalue for="class" value="${esc(m.klass)}"/><attvalue for="gender" value="${esc(m.gender)}"/>${id === sylvia ? '<attvalue for="origin" value="true"/>' : ''}</attvalues>
      </node>`;
});
const edges = arcs.map(([s, t], i) => `      <edge id="${i}" source="${s}" target="${t}"/>`);

const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta>
    <creator>SocioPatterns (sociopatterns.org); converted for Wordspread</creator>
    <description>High-school friendship network, Marseille, December 2013: an edge i → j means student i named j as a friend. Mastrandrea, Fournet, Barrat, PLoS ONE 10(9): e0136497 (2015). CC BY-NC-SA 3.0.</description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
      <attribute id="class" title="class" type="string"/>
      <attribute id="gender" title="gender" type="string"/>
      <attribute id="origin" title="origin" type="boolean"><default>false</default></attribute>
    </attributes>
    <nodes>
${nodes.join('\n')}
    </nodes>
    <edges>
${edges.join('\n')}
    </edges>
  </graph>
</gexf>
`;
writeFileSync(new URL('../public/samples/school-network.gexf', import.meta.url), gexf);
console.log(
  `${ids.length} students, ${arcs.length} arcs; Sylvia = student ${sylvia} (${median} friends named)`,
);
