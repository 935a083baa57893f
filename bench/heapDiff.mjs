// What grew between two heap snapshots of one process (bench/soak.mjs --heap-snapshots): objects by type and
// constructor, with their count and own size in each, largest growth first; strings also by their first characters.
//   node --max-old-space-size=8000 bench/heapDiff.mjs A.heapsnapshot B.heapsnapshot [--top 40] [--new] [--retainers] [--largest] [--depth 3]
// The files are read as bytes and their number arrays scanned directly: a snapshot of a 300 MB heap is larger than
// the longest string V8 can JSON.parse at once.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const files = argv.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const topAt = argv.indexOf('--top');
const TOP = topAt >= 0 ? Number(argv[topAt + 1]) : 40;
if (files.length !== 2) {
  console.error('usage: node bench/heapDiff.mjs A.heapsnapshot B.heapsnapshot [--top N]');
  process.exit(2);
}

/** The numbers of the array that follows `"key":[` in the buffer. */
function numbers(buf, key) {
  const at = buf.indexOf(`"${key}":[`);
  if (at < 0) throw new Error(`no ${key} array`);
  const out = [];
  let n = 0;
  let inNumber = false;
  for (let i = at + key.length + 4; i < buf.length; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      inNumber = true;
    } else {
      if (inNumber) out.push(n);
      n = 0;
      inNumber = false;
      if (c === 93) break; // ]
    }
  }
  return out;
}

function load(file) {
  const buf = readFileSync(file);
  const metaEnd = buf.indexOf('"nodes":[');
  const head = buf.subarray(0, metaEnd).toString('utf8').replace(/,\s*$/, '') + '}';
  const meta = JSON.parse(head).snapshot.meta;
  const nodes = numbers(buf, 'nodes');
  const stringsAt = buf.indexOf('"strings":[');
  const stringsEnd = buf.lastIndexOf(']');
  const strings = JSON.parse(buf.subarray(stringsAt + 10, stringsEnd + 1).toString('utf8'));
  const fields = meta.node_fields;
  const width = fields.length;
  const typeNames = meta.node_types[0];
  const [T, N, S, I, E] = ['type', 'name', 'self_size', 'id', 'edge_count'].map((f) => fields.indexOf(f));
  const byKind = new Map();
  const byString = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = typeNames[nodes[i + T]];
    const size = nodes[i + S];
    total += size;
    const name = strings[nodes[i + N]];
    const key = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? type : `${type} ${name}`.slice(0, 100);
    const entry = byKind.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += size;
    byKind.set(key, entry);
    if (type === 'string') {
      const prefix = JSON.stringify(String(name).slice(0, 48));
      const s = byString.get(prefix) ?? { count: 0, size: 0 };
      s.count++;
      s.size += size;
      byString.set(prefix, s);
    }
  }
  return { byKind, byString, total, objects: nodes.length / width, buf, meta, nodes, strings, width, T, N, S, I, E, typeNames };
}

const mb = (n) => (n / 1048576).toFixed(2);
function diff(a, b, title) {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const rows = [...keys].map((k) => {
    const x = a.get(k) ?? { count: 0, size: 0 };
    const y = b.get(k) ?? { count: 0, size: 0 };
    return { k, dCount: y.count - x.count, dSize: y.size - x.size, x, y };
  });
  rows.sort((p, q) => Math.abs(q.dSize) - Math.abs(p.dSize));
  console.log(`\n${title} (largest change in own size first)`);
  console.log(`${'Δ MB'.padStart(8)} ${'Δ count'.padStart(9)} ${'MB then'.padStart(8)} ${'count then'.padStart(10)}  kind`);
  for (const r of rows.slice(0, TOP)) {
    console.log(`${mb(r.dSize).padStart(8)} ${String(r.dCount).padStart(9)} ${mb(r.y.size).padStart(8)} ${String(r.y.count).padStart(10)}  ${r.k}`);
  }
}

/** Each object's first retainer (not weak, not a shortcut) and the edge's name, and a kind(n) label. */
function retainers(b) {
  const edges = numbers(b.buf, 'edges');
  const ef = b.meta.edge_fields;
  const ew = ef.length;
  const [ET, EN, EF] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const edgeTypes = b.meta.edge_types[0];
  const count = b.nodes.length / b.width;
  const parent = new Int32Array(count).fill(-1);
  const via = new Array(count);
  let e = 0;
  for (let n = 0; n < count; n++) {
    const edgesOf = b.nodes[n * b.width + b.E];
    for (let k = 0; k < edgesOf; k++, e += ew) {
      const type = edgeTypes[edges[e + ET]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = edges[e + EF] / b.width;
      if (parent[to] !== -1) continue;
      parent[to] = n;
      via[to] = type === 'element' || type === 'hidden' ? '[n]' : String(b.strings[edges[e + EN]]).slice(0, 40);
    }
  }
  const kind = (n) => {
    const type = b.typeNames[b.nodes[n * b.width + b.T]];
    return /string/.test(type) ? type : `${type} ${String(b.strings[b.nodes[n * b.width + b.N]]).slice(0, 50)}`;
  };
  /** The object's kind and its retainers' `depth` levels up. */
  const chain = (n, depth) => {
    let key = kind(n);
    for (let up = n, d = 0; d < depth && parent[up] >= 0; d++) {
      key += ` <-${via[up]}- ${kind(parent[up])}`;
      up = parent[up];
    }
    return key;
  };
  return { count, chain };
}

/** Own sizes summed by kind and retainers `depth` levels up (only objects `keep` accepts). */
function byChain(b, depth, keep = () => true) {
  const { count, chain } = retainers(b);
  const groups = new Map();
  for (let n = 0; n < count; n++) {
    if (!keep(n)) continue;
    const key = chain(n, depth);
    const g = groups.get(key) ?? { count: 0, size: 0 };
    g.count++;
    g.size += b.nodes[n * b.width + b.S];
    groups.set(key, g);
  }
  return groups;
}

/** Objects of B that A did not have (V8 keeps an object's id across the snapshots of one process), by what holds them. */
function newObjects(a, b, depth) {
  const old = new Set();
  for (let i = 0; i < a.nodes.length; i += a.width) old.add(a.nodes[i + a.I]);
  const groups = byChain(b, depth, (n) => !old.has(b.nodes[n * b.width + b.I]));
  const total = [...groups.values()].reduce((t, g) => t + g.size, 0);
  console.log(`\nObjects new in B: ${mb(total)} MB; by kind and ${depth} retainers up (largest first)`);
  for (const [key, g] of [...groups].sort((x, y) => y[1].size - x[1].size).slice(0, TOP)) console.log(`${mb(g.size).padStart(8)} ${String(g.count).padStart(8)}  ${key}`);
}

const [a, b] = files.map(load);
console.log(`${files[0]}: ${mb(a.total)} MB in ${a.objects} objects; ${files[1]}: ${mb(b.total)} MB in ${b.objects} objects`);
diff(a.byKind, b.byKind, 'By type and constructor');
diff(a.byString, b.byString, 'Strings by their first 48 characters');
const depthAt = argv.indexOf('--depth');
const DEPTH = depthAt >= 0 ? Number(argv[depthAt + 1]) : 3;
if (argv.includes('--new')) newObjects(a, b, DEPTH);
// The largest single objects of each, with what holds them (hash tables that grew are the usual suspects).
if (argv.includes('--largest')) {
  for (const [file, x] of [[files[0], a], [files[1], b]]) {
    const { count, chain } = retainers(x);
    const order = Array.from({ length: count }, (_, n) => n).sort((p, q) => x.nodes[q * x.width + x.S] - x.nodes[p * x.width + x.S]);
    console.log(`\nLargest objects of ${file}`);
    for (const n of order.slice(0, TOP)) console.log(`${mb(x.nodes[n * x.width + x.S]).padStart(8)}  ${chain(n, DEPTH)}`);
  }
}
// Every object by what holds it, A against B: which structure grew.
if (argv.includes('--retainers')) diff(byChain(a, DEPTH), byChain(b, DEPTH), `By kind and ${DEPTH} retainers up`);
