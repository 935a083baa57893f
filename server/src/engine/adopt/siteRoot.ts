// Detects where a documentation site's site-absolute links (`/policies/access/`) start, for `siteRoot`: the
// folder a generator serves at `/` (Hugo `content/`, MkDocs `docs/`), or, for an ISMS that is one folder of a
// larger site (a handbook's security section), the URL path that folder is served at. Decided by which reading
// makes the most of the folder's own site-absolute links resolve.
import { posix } from '../util/posixPath';
import { candidates } from '../workspace/linkTarget';
import type { ScannedFile } from './detect';

export interface SiteRootProposal {
  siteRoot: string;
  note: string;
}

/** Generator configuration files and the folder each serves at `/`. */
const GENERATORS: { config: RegExp; folder: string; name: string }[] = [
  { config: /^(?:hugo|config)\.(?:toml|ya?ml|json)$/, folder: 'content', name: 'Hugo' },
  { config: /^mkdocs\.ya?ml$/, folder: 'docs', name: 'MkDocs' },
];

/** Site-absolute link destinations (`[x](/a/b/)`, `[x]: /a/b`), without anchor or query. */
const SITE_LINK = /\]\(\s*<?(\/(?!\/)[^)\s>#?]*)|^[ \t]*\[[^\]\n]+\]:[ \t]*<?(\/(?!\/)[^\s>#?]*)/gm;

/** At least this many links must resolve, and more than under the default (the workspace root), to propose one. */
const MIN_RESOLVED = 3;

export function detectSiteRoot(markdown: readonly ScannedFile[], otherFiles: readonly string[]): SiteRootProposal | undefined {
  const files = new Set([...markdown.map((f) => f.path), ...otherFiles]);
  const folders = new Set<string>();
  for (const file of files) for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) folders.add(file.slice(0, i));
  const exists = (path: string) => path === '.' || files.has(path) || folders.has(path) || candidates(path).some((c) => files.has(c));

  const links: string[] = [];
  for (const f of markdown) for (const m of f.text.matchAll(SITE_LINK)) links.push(posix.normalize((m[1] ?? m[2]).slice(1)));
  const generator = GENERATORS.find((g) => [...files].some((f) => g.config.test(f)) && folders.has(g.folder));

  // Each reading: a folder served at `/`, or a URL path the workspace root is served at.
  const readings = new Map<string, number>();
  const vote = (reading: string) => readings.set(reading, (readings.get(reading) ?? 0) + 1);
  for (const link of links) {
    if (exists(link)) vote('');
    if (generator && exists(posix.join(generator.folder, link))) vote(generator.folder);
    const parts = link.split('/');
    for (let k = 1; k < parts.length; k++) if (exists(parts.slice(k).join('/'))) vote(`/${parts.slice(0, k).join('/')}/`);
  }
  const atRoot = readings.get('') ?? 0;
  let best: [string, number] | undefined;
  for (const entry of readings) if (entry[0] !== '' && (!best || entry[1] > best[1])) best = entry;
  if (!best || best[1] < MIN_RESOLVED || best[1] <= atRoot) return undefined;
  const [siteRoot, resolved] = best;
  const how = siteRoot.startsWith('/')
    ? `this folder is served at ${siteRoot} of a larger site (links elsewhere on the site are not checked)`
    : `${generator!.name} serves ${siteRoot}/ at /`;
  return { siteRoot, note: `${resolved} of ${links.length} site-absolute links resolve when ${how}: siteRoot ${siteRoot}.` };
}
