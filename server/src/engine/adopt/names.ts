// Names of files, folders and headings reduced to words, so that `02-Políticas_e_Normas`, `Politicas e normas`
// and `politicas-e-normas` compare equal.

/** Lower case, accents folded, numbering and punctuation gone: `02-Políticas_e_Normas` → `politicas e normas`. */
export function nameWords(name: string): string {
  return name
    // camelCase words apart (`AccessPolicy`), acronyms kept whole (`SoA`, `ISMSScope` stays one word).
    .replace(/([a-z])([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.,:;()[\]{}"'`’‘“”/\\|+*#!?@–—&]+/g, ' ')
    .split(' ')
    .filter((w) => w && !/^(\d+[a-z]?|[ivx]+)$/.test(w))
    .join(' ');
}
