// The reader matrix, JavaScript side: loads every export listed for graphology and
// Cytoscape.js in the README's table "Which file for which tool" and compares node and
// edge counts and every edge's direction (and, for the JSON formats, its evidence) with
// graph.json.
//
//   node check.mjs DIR
//
// DIR holds mixed/, directed/ and undirected/, each written by `newsgraph build --edges
// MODE`; mixed/ also holds graph.graphology.json and graph.cyjs. graphology holds mixed graphs: the GEXF of the mixed graph keeps each edge's
// direction; its GraphML reader reads every edge with the graph's default, so GraphML is
// read from the one-kind files. Exit 0 when every file reads as meant, 1 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check.mjs DIR');
  process.exit(2);
}
const ref = JSON.parse(fs.readFileSync(path.join(dir, 'mixed', 'graph.json'), 'utf8'));
const pair = (s, t) => (s < t ? [s, t] : [t, s]);

function expected(mode) {
  const out = [];
  for (const e of ref.edges) {
    const { source: s, target: t, relation: r, directed } = e;
    if (mode === 'mixed') {
      out.push(directed ? [s, t, r, '->'] : [...pair(s, t), r, '--']);
    } else if (mode === 'directed') {
      if (directed) out.push([s, t, r, '-> false']);
      else {
        out.push([s, t, r, '-> true']);
        if (s !== t) out.push([t, s, r, '-> true']);
      }
    } else if (!directed) out.push([...pair(s, t), r, '--']);
  }
  return out.map((x) => x.join(' ')).sort();
}

const failures = [];
const files = [
  ['mixed', 'gexf', gexf],
  ['directed', 'gexf', gexf],
  ['undirected', 'gexf', gexf],
  ['directed', 'graphml', graphml],
  ['undirected', 'graphml', graphml],
];
for (const [mode, ext, lib] of files) {
  const what = `graphology ${mode}/graph.${ext}`;
  const g = lib.parse(Graph, fs.readFileSync(path.join(dir, mode, `graph.${ext}`), 'utf8'));
  const type = { mixed: 'mixed', directed: 'directed', undirected: 'undirected' }[mode];
  if (g.type !== type) failures.push(`${what}: graph type ${g.type}, expected ${type}`);
  if (g.order !== ref.nodes.length) failures.push(`${what}: ${g.order} nodes, graph.json has ${ref.nodes.length}`);
  const got = [];
  g.forEachEdge((e, a, s, t) => {
    const r = a.relation;
    if (g.isUndirected(e)) got.push([...pair(s, t), r, '--'].join(' '));
    else if (mode === 'directed') got.push([s, t, r, `-> ${String(a.reciprocal)}`].join(' '));
    else got.push([s, t, r, '->'].join(' '));
  });
  got.sort();
  const want = expected(mode);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const extra = got.filter((x) => !want.includes(x)).slice(0, 3);
    const missing = want.filter((x) => !got.includes(x)).slice(0, 3);
    failures.push(`${what}: ${got.length} edges, expected ${want.length}; unexpected ${extra}, missing ${missing}`);
  } else {
    console.log(`ok ${what}: ${g.order} nodes, ${got.length} edges`);
  }
}
// The JSON formats: a mixed graph as it is, with every evidence sentence.
const evidence = new Map(ref.edges.map((e) => [`${e.source} ${e.target} ${e.relation}`, e.evidence.length]));
function compareMixed(what, order, edges) {
  if (order !== ref.nodes.length) failures.push(`${what}: ${order} nodes, graph.json has ${ref.nodes.length}`);
  const got = edges.map(([s, t, r, directed]) => (directed ? [s, t, r, '->'] : [...pair(s, t), r, '--']).join(' ')).sort();
  const want = expected('mixed');
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    failures.push(`${what}: ${got.length} edges, expected ${want.length}`);
    return;
  }
  for (const [s, t, r, , n] of edges) {
    const k = evidence.has(`${s} ${t} ${r}`) ? `${s} ${t} ${r}` : `${t} ${s} ${r}`;
    if (evidence.get(k) !== n) failures.push(`${what}: edge ${k} has ${n} evidence sentences, graph.json ${evidence.get(k)}`);
  }
  console.log(`ok ${what}: ${order} nodes, ${got.length} edges, with evidence`);
}
{
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'mixed', 'graph.graphology.json'), 'utf8'));
  const g = Graph.from(data);
  const edges = [];
  g.forEachEdge((e, a, s, t) => edges.push([s, t, a.relation, !g.isUndirected(e), a.evidence.length]));
  compareMixed('graphology Graph.from mixed/graph.graphology.json', g.order, edges);
}
{
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'mixed', 'graph.cyjs'), 'utf8'));
  const cy = cytoscape({ headless: true });
  cy.json(data);
  const edges = cy.edges().map((e) => [e.source().id(), e.target().id(), e.data('relation'), e.data('directed'), e.data('evidence').length]);
  compareMixed('Cytoscape.js cy.json mixed/graph.cyjs', cy.nodes().length, edges);
}
for (const f of failures) console.error(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
