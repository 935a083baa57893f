// The CLI's old generation grows by at most 30 % between major collections, as the language server's does
// (server.ts): V8's own policy let `isms export` of 5,000 documents reach 298-343 MB of RSS on an index that
// `isms check` holds in about 250 MB, most of it garbage collected late. Imported first by main.ts, so it is set
// before the heap grows (set later, it takes effect only at the next major collection); `check` and `export` alike,
// so the ratio between them stays a fair one. ISMS_GC_GROWING_PERCENT=0 leaves V8's own policy (to measure).
//
// `isms export` also turns off allocation-site pretenuring: when V8 saw a site's objects survive while the index
// was built, it allocated that site's objects in the old generation from then on, and each rendered document's
// short-lived tree, held from there, survived the young generation (1 export in 3 promoted 440-580 MB instead of
// about 110-145 MB, with twice the major collections and 3-4 s more CPU). ISMS_GC_PRETENURING=1 keeps it (to measure).
import { setFlagsFromString } from 'node:v8';
import { exportGcFlags, heapGrowthFlag } from '../gcFlags';

for (const flag of [heapGrowthFlag(process.env), ...exportGcFlags(process.argv.slice(2), process.env)]) if (flag) setFlagsFromString(flag);
