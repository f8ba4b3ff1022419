// custom-elements.json is generated from the elements' JSDoc: `npm run manifest` writes it,
// `npm run manifest:check` (part of `npm test`) fails when the committed copy is stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.test.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
};
