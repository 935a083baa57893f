// Glob patterns for `exclude` settings: `**` crosses folders, `*` and `?` stay within one, `{a,b}` alternates.

export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '');
}

const escape = (s: string) => s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');

/** Matches workspace-relative paths against a set of globs; a folder glob (`**\/node_modules/**`) excludes its contents. */
export class GlobSet {
  private readonly patterns: RegExp[];

  constructor(globs: readonly string[], options: { ignoreCase?: boolean } = {}) {
    this.patterns = globs.map((g) => globToRegExp(g, options.ignoreCase));
  }

  matches(path: string): boolean {
    return this.patterns.some((p) => p.test(path));
  }

  /** Whether a folder can be skipped entirely: everything below it is excluded. */
  excludesFolder(folder: string): boolean {
    return this.patterns.some((p) => p.test(`${folder}/`) || p.test(`${folder}/x`) && p.test(`${folder}/x/y.md`));
  }
}
