// dist/exportFormats.js: the PDF and Excel renderers of the audit pack, a bundle of their own because pdfmake (with
// its embedded fonts) and exceljs are most of the extension's size; the CLI and the Node server load it only when
// a pack is exported (see load.ts).
import type { FormatRenderers } from '../engine/export/types';
import { renderPdf } from './pdf';
import { renderWorkbook } from './xlsx';

export const renderers: FormatRenderers = { pdf: renderPdf, workbook: renderWorkbook };
