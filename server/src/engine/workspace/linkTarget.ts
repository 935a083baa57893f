// What a link points at in the workspace, the way documentation sites serve it: a file as written, a folder's
// index page (`x/` → `x/_index.md`, `x/index.md`, `x/README.md`), an extensionless "pretty" link (`x` → `x.md`),
// a site-absolute link against `siteRoot`. Shared by link-broken, evidence-missing, go to definition and the preview.
import { resolveLink } from '../rules/helpers';
import { isMarkdownPath, type IsmsWorkspace } from './workspace';
import { ExcludeFilter } from './loader';

export type LinkTarget =
  /** An external URL or another scheme: not a workspace link. */
  | { kind: 'external' }
  /** Leaves the workspace; `site`: a page of the larger site the ISMS is part of, which cannot be checked here. */
  | { kind: 'outside'; site: boolean; anchor?: string }
  /** An existing file (the linking document itself for `#anchor`), or `folder` for a folder without an index page. */
  | { kind: 'file'; path: string; anchor?: string }
  | { kind: 'folder'; path: string; anchor?: string }
  /** Lies in a path `exclude` leaves out: the file may well exist, the checker never looked. */
  | { kind: 'excluded'; path: string; anchor?: string }
  /** Nothing there; `caseOf` names an existing path that differs only in letter case. */
  | { kind: 'missing'; path: string; anchor?: string; caseOf?: string };

/** Index pages a folder link serves, in the order static-site generators and GitHub pick them. */
const INDEX_PAGES = ['_index.md', 'index.md', 'README.md', 'readme.md'];

export function findLinkTarget(workspace: IsmsWorkspace, fromPath: string, destination: string): LinkTarget {
  const resolved = resolveLink(fromPath, destination, workspace.config.siteRoot);
  if (!resolved) return { kind: 'external' };
  const { anchor } = resolved;
  if (resolved.outside) return { kind: 'outside', site: resolved.site === true, anchor };
  if (resolved.path === undefined) return { kind: 'file', path: fromPath, anchor };
  const path = resolved.path;
  if (path !== '.' && workspace.hasFile(path)) return { kind: 'file', path, anchor };
  for (const candidate of candidates(path)) if (workspace.hasFile(candidate)) return { kind: 'file', path: candidate, anchor };
  if (path === '.' || workspace.hasFolder(path)) return { kind: 'folder', path, anchor };
  const source = templateSource(workspace, fromPath, path);
  if (source) return { kind: 'file', path: source, anchor };
  if (excludeFilter(workspace).excludes(path)) return { kind: 'excluded', path, anchor };
  return { kind: 'missing', path, anchor, caseOf: differingInCase(workspace, path) };
}

/**
 * In a template repository (`access.md.tmpl` rendered to `access.md`), a template's link names the rendered page:
 * `hr.md` is `hr.md.tmpl` beside it, or, as generators gather the pages of several source folders into one site
 * whose layout the sources do not show, the one template of that name elsewhere.
 */
function templateSource(workspace: IsmsWorkspace, fromPath: string, path: string): string | undefined {
  const suffix = /\.(?:md|markdown)(\.[a-z0-9]+)$/i.exec(fromPath)?.[1];
  if (!suffix || !/\.(?:md|markdown)$/i.test(path)) return undefined;
  if (workspace.hasFile(path + suffix)) return path + suffix;
  const name = `/${path.slice(path.lastIndexOf('/') + 1)}${suffix}`.toLowerCase();
  const found = [...workspace.caseFolded().files.values()].filter((f) => `/${f.file}`.toLowerCase().endsWith(name));
  return found.length === 1 ? found[0].file : undefined;
}

/** The files a path without a file of its own may mean: its index page, or the page of an extensionless link. */
export function candidates(path: string): string[] {
  const folder = path === '.' ? '' : `${path}/`;
  const pages = INDEX_PAGES.map((name) => folder + name);
  return path !== '.' && !isMarkdownPath(path) && !/\.[^/]+$/.test(path) ? [`${path}.md`, ...pages] : pages;
}

/** An existing file or folder whose path equals `path` but for letter case (or its page's, for a pretty link). */
function differingInCase(workspace: IsmsWorkspace, path: string): string | undefined {
  const { files, folders } = workspace.caseFolded();
  // The first file (in the workspace's order) that is one of the wanted paths or lies below the folder.
  let found: { file: string; order: number } | undefined;
  for (const wanted of [path, ...candidates(path)]) {
    const hit = files.get(wanted.toLowerCase());
    if (hit && (!found || hit.order < found.order)) found = hit;
  }
  const below = folders.get(path.toLowerCase());
  if (below && (!found || below.order < found.order)) return below.file.slice(0, path.length);
  return found?.file;
}

const filters = new WeakMap<readonly string[], ExcludeFilter>();

function excludeFilter(workspace: IsmsWorkspace): ExcludeFilter {
  const globs = workspace.config.exclude;
  let filter = filters.get(globs);
  if (!filter) filters.set(globs, (filter = new ExcludeFilter(globs)));
  return filter;
}
