// The CLI's old generation grows by at most 30 % between major collections, as the language server's does
// (server.ts): V8's own policy let `isms export` of 5,000 documents reach 298-343 MB of RSS on an index that
// `isms check` holds in about 250 MB, most of it garbage collected late. Imported first by main.ts, so it is set
// before the heap grows (set later, it takes effect only at the next major collection); `check` and `export` alike,
// so the ratio between them stays a fair one. ISMS_GC_GROWING_PERCENT=0 leaves V8's own policy (to measure).
import { setFlagsFromString } from 'node:v8';
import { heapGrowthFlag } from '../gcFlags';

const flag = heapGrowthFlag(process.env);
if (flag) setFlagsFromString(flag);
