// Where the built bundles are: dist/, or ISMS_DIST_DIR (relative to the repository, or absolute) when several
// checkouts' builds live side by side (see scripts/build.mjs).
import { resolve } from 'node:path';

export const distFile = (name: string): string => resolve(process.env.ISMS_DIST_DIR ?? 'dist', name);
