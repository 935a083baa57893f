// Loads dist/exportFormats.js beside the running bundle (dist/cli.js, dist/server.js) at the moment a pack with
// PDFs or workbooks is exported. A computed path, so esbuild leaves the require alone and the bundle stays apart.
import * as nodePath from 'node:path';
import type { FormatRenderers } from '../engine/export/types';

export async function loadRenderers(): Promise<FormatRenderers> {
  const file = nodePath.join(__dirname, 'exportFormats.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as { renderers: FormatRenderers };
  return loaded.renderers;
}
