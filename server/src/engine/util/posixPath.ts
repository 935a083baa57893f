// Workspace paths are always forward-slash relative paths, on every OS and in the browser, so the engine
// carries its own tiny POSIX path helpers instead of depending on Node's `path`.

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(part);
  }
  return out.join('/') || '.';
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i) || '/';
}

function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '' && p !== '.').join('/'));
}

function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter((p) => p !== '.');
  const b = normalize(to).split('/').filter((p) => p !== '.');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

export const posix = { normalize, dirname, join, relative };
