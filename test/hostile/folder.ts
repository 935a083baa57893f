import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_CASES } from './cases';

/** A workspace holding every hostile case, plus symlinks that point out of it. */
export function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'isms-hostile-'));
  for (const c of HOSTILE_CASES) writeFileSync(join(dir, c.file), c.content());
  symlinkSync('/etc/passwd', join(dir, 'passwd-link.md'));
  symlinkSync('/etc', join(dir, 'etc-link'));
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'pkg', 'readme.md'), '---\ntype: policy\ncontrols: [A.99.99]\n---\n');
  writeFileSync(join(dir, '.isms.yaml'), 'rules:\n  locker-missing-document: off\n');
  return dir;
}

/** Text that only /etc/passwd holds: never allowed in any message. */
export const OUTSIDE_CONTENT = /root:.*:0:0:/;
