// Outline, workspace symbols, code lenses and semantic tokens through the protocol.
import { strict as assert } from 'node:assert';
import { SymbolKind, type CodeLens, type DocumentSymbol, type SemanticTokens, type SemanticTokensLegend, type SymbolInformation } from 'vscode-languageserver-protocol';
import { Fixture } from './fixture';

describe('language server: symbols and lenses', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  const outline = (s: DocumentSymbol[], depth = 0): string[] => s.flatMap((x) => [`${'  '.repeat(depth)}${x.name}${x.detail ? ` (${x.detail})` : ''}`, ...outline(x.children ?? [], depth + 1)]);

  it('outlines sections as a hierarchy with the SoA rows inside', async () => {
    const symbols = await f.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: f.uri('soa/soa.md') } });
    assert.deepEqual(outline(symbols), [
      '# Statement of Applicability',
      '  A.5.15 Access control (applicable · implemented)',
      '  A.7.5 Protecting against physical and environmental threats (not applicable · excluded)',
      '  A.8.2 Privileged access rights (applicable · partially implemented)',
      '  A.8.24 Use of cryptography (applicable · implemented)',
    ]);
    assert.equal(symbols[0].kind, SymbolKind.String);
    assert.equal(symbols[0].children![0].kind, SymbolKind.EnumMember);
  });

  it('outlines risk register rows under their section, and nests headings', async () => {
    const register = await f.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: f.uri('risk/register.md') } });
    assert.deepEqual(outline(register), ['# Risk Register', '  ## Risks', '    R-001 (Unauthorised access to customer data)', '    R-002 (Loss of encryption keys)']);
    const policy = await f.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: f.uri('policies/access-control.md') } });
    assert.deepEqual(outline(policy), ['# Access Control Policy', '  ## Purpose', '  ## Reviews']);
    // Sections end where the next one at the same level starts; the last runs to the end of the file.
    const [purpose, reviews] = policy[0].children!;
    assert.deepEqual(purpose.range.end, reviews.range.start);
    const lines = f.text('policies/access-control.md').split('\n');
    assert.deepEqual(reviews.range.end, { line: lines.length - 1, character: 0 });
  });

  it('lists documents, SoA rows and risks as workspace symbols, by ID and title', async () => {
    const all = await f.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    const names = all.map((s) => s.name);
    assert.ok(names.includes('POL-001 Access Control Policy'));
    assert.ok(names.includes('A.8.24 Use of cryptography'));
    assert.ok(names.includes('R-002 Loss of encryption keys'));
    assert.ok(names.includes('R-003 Breach at a hosting supplier'));
    assert.equal(all.length, 7 + 4 + 3);
    const crypto = await f.request<SymbolInformation[]>('workspace/symbol', { query: 'cryptog' });
    assert.deepEqual(crypto.map((s) => s.name).sort(), ['A.8.24 Use of cryptography', 'POL-002 Cryptography Policy']);
    const row = crypto.find((s) => s.name.startsWith('A.8.24'))!;
    assert.equal(row.location.uri, f.uri('soa/soa.md'));
    assert.equal(row.location.range.start.line, f.pos('soa/soa.md', '| A.8.24').line);
    assert.equal(row.containerName, 'SOA-001 Statement of Applicability');
    const risk = await f.request<SymbolInformation[]>('workspace/symbol', { query: 'R-001' });
    // Fuzzy, like editors filter, but names starting with the query come first.
    assert.deepEqual([risk[0].name, risk[0].kind], ['R-001 Unauthorised access to customer data', SymbolKind.Event]);
  });

  it('puts "referenced by" lenses on SoA rows and risk rows', async () => {
    const soa = await f.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: f.uri('soa/soa.md') } });
    assert.deepEqual(
      soa.map((l) => [l.range.start.line, l.command!.title]),
      [
        [f.pos('soa/soa.md', '| A.5.15').line, 'referenced by 2 documents / 1 risk'],
        [f.pos('soa/soa.md', '| A.7.5').line, 'referenced by 0 documents / 0 risks'],
        [f.pos('soa/soa.md', '| A.8.2').line, 'referenced by 2 documents / 1 risk'],
        [f.pos('soa/soa.md', '| A.8.24').line, 'referenced by 2 documents / 1 risk'],
      ],
    );
    const register = await f.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: f.uri('risk/register.md') } });
    assert.deepEqual(register.map((l) => l.command!.title), ['referenced by 4 documents', 'referenced by 2 documents']);
    assert.deepEqual(await f.request('textDocument/codeLens', { textDocument: { uri: f.uri('scope.md') } }), []);
  });

  it('marks control, risk and document IDs with semantic tokens, unknown and withdrawn ones distinguishable', async () => {
    const legend = (f.client.initializeResult!.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    const tokens = await f.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: f.uri('policies/access-control.md') } });
    const text = f.text('policies/access-control.md').split('\n');
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
      line += dl;
      char = dl ? dc : char + dc;
      const modifiers = legend.tokenModifiers.filter((_, b) => mods & (1 << b));
      decoded.push(`${text[line].slice(char, char + len)}:${legend.tokenTypes[type]}${modifiers.length ? '.' + modifiers.join('.') : ''}`);
    }
    assert.deepEqual(decoded, [
      'POL-001:class.declaration',
      'A.5.15:enumMember',
      'A.12.6.1:enumMember.deprecated',
      'R-001:variable',
      'SOA-001:class',
      'POL-002:class',
      'A.5.15:enumMember',
      'A.8.2:enumMember',
      'A.12.6.1:enumMember.deprecated',
      'R-001:variable',
      'R-002:variable',
      'R-099:variable.unresolved',
      'A.9.99:enumMember.unresolved',
    ]);
    const soa = await f.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: f.uri('soa/soa.md') } });
    assert.ok(soa.data.length / 5 >= 4 + 4, 'SoA rows and related IDs');
    const range = await f.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri: f.uri('policies/access-control.md') },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
    });
    assert.equal(range.data.length, 5, 'only the id line');
  });
});
