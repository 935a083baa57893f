// Stylesheets bundled as text (esbuild's `text` loader), e.g. the preview's CSS inlined into the audit pack.
declare module '*.css' {
  const text: string;
  export default text;
}
