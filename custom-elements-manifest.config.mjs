// custom-elements.json is generated from the elements' JSDoc: `npm run manifest` writes it,
// `npm run manifest:check` (part of `npm test`) fails when the committed copy is stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.test.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer's module order depends on file-system timing; sort it so the check is stable.
      name: 'zmot-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
