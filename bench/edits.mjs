// The edits the benchmark makes to an open 8 KB policy (bench/run.mjs).

/** A deterministic sequence of realistic edits of one document. */
export function* editSequence(text, count) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = ['access', 'review', 'supplier', 'quarterly', 'evidence', 'the', 'and', 'control', 'owner'];
  for (let i = 0; i < count; i++) {
    const lines = text.split('\n');
    const bodyStart = lines.indexOf('---', 1) + 1;
    const prose = lines.map((l, k) => k).filter((k) => k > bodyStart && /^[A-Za-z]/.test(lines[k]));
    const at = prose[Math.floor(rand() * prose.length)];
    const kind = i % 20;
    let label;
    if (kind < 14) {
      const col = Math.floor(rand() * lines[at].length);
      lines[at] = `${lines[at].slice(0, col)} ${words[i % words.length]}${lines[at].slice(col)}`;
      label = 'type';
    } else if (kind < 16) {
      lines.splice(at + 1, 0, `New sentence ${i} about ${words[i % words.length]}.`);
      label = 'newline';
    } else if (kind === 16) {
      const h = lines.findIndex((l, k) => k > bodyStart && l.startsWith('## '));
      lines[h] = lines[h].endsWith(' x') ? lines[h].slice(0, -2) : `${lines[h]} x`;
      label = 'heading';
    } else if (kind === 17) {
      lines[at] += i % 40 < 20 ? ' See R-0001.' : ' See R-9999.';
      label = 'risk-ref';
    } else if (kind === 18) {
      lines[at] += ' [see](../../procedures/g00/pro-0003.md#no-such-heading)';
      label = 'link';
    } else {
      const r = lines.findIndex((l) => l.startsWith('related: ['));
      lines[r] = lines[r].includes('POL-99999') ? lines[r].replace(', POL-99999', '') : lines[r].replace(']', ', POL-99999]');
      label = 'frontmatter';
    }
    text = lines.join('\n');
    yield { text, label };
  }
}

