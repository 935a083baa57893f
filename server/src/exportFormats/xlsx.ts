// A workbook of the pack (statement-of-applicability.xlsx, risk-register.xlsx, findings.xlsx) written with
// exceljs: bold frozen header row, auto-filter, column widths, list validation where a column has fixed values,
// hyperlinks into the pack and cell colours as the engine chose them (export/workbooks.ts says what goes in).
import ExcelJS from 'exceljs';
import type { WorkbookCell, WorkbookSpec } from '../engine/export/types';

const cellOf = (c: WorkbookCell | string | number | undefined): WorkbookCell => (c === undefined || typeof c !== 'object' ? { value: c } : c);

export async function renderWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ISMS Markdown';
  workbook.title = spec.title;
  // A fixed date keeps the bytes of an unchanged ISMS's workbooks the same from one export to the next.
  workbook.created = workbook.modified = new Date(0);
  for (const sheet of spec.sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    sheet.rows.forEach((row, i) => {
      const r = ws.getRow(i + 2);
      row.forEach((raw, j) => {
        const c = cellOf(raw);
        const cell = r.getCell(j + 1);
        if (c.value === undefined || c.value === '') return;
        cell.value = c.link ? { text: String(c.value), hyperlink: c.link } : c.value;
        if (c.link) cell.font = { color: { argb: 'FF0550AE' }, underline: true };
        if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` } };
        cell.alignment = { vertical: 'top', wrapText: typeof c.value === 'string' && c.value.length > 40 };
      });
    });
    const last = Math.max(2, sheet.rows.length + 1);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: sheet.columns.length } };
    sheet.columns.forEach((c, j) => {
      if (!c.list) return;
      const letter = ws.getColumn(j + 1).letter;
      for (let row = 2; row <= last; row++) {
        ws.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${c.list.join(',')}"`], showErrorMessage: false };
      }
    });
    if (sheet.note) ws.getCell(last + 2, 1).value = sheet.note;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
