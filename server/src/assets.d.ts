// Stylesheets bundled as text (esbuild's `text` loader), e.g. the preview's CSS inlined into the audit pack.
declare module '*.css' {
  const text: string;
  export default text;
}

// Fonts bundled as bytes (esbuild's `binary` loader), embedded in the audit pack's PDFs.
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}

// pdfmake ships no type declarations; exportFormats/pdf.ts is the one place that calls it.
declare module 'pdfmake';
declare module 'pdfmake/js/PDFDocument';
