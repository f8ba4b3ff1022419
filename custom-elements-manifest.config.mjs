// custom-elements.json is generated from the elements' JSDoc: `npm run manifest` writes it,
// `npm run manifest:check` (part of `npm test`) fails when the committed copy is stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: [...['trusted', 'inline-size', 'hydrate', 'telemetry-controller', 'lang-controller'].map((name) => `src/elements/core/${name}.ts`), 'src/elements/**/*.styles.ts', 'src/elements/**/*.messages.ts', 'src/elements/**/*.test.ts', 'src/elements/**/messages/**'],
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
    {
      // `this.dispatchEvent(new ZmotFilterEvent(…))` gives the analyzer an event with a type but no name,
      // beside the `@fires zmot-filter` one. Fold each into the named event its class is for (ZmotFilterEvent →
      // zmot-filter), so editors and the docs page see one typed event per name.
      name: 'zmot-named-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.events) continue;
            const named = declaration.events.filter((event) => event.name);
            for (const event of declaration.events.filter((event) => !event.name)) {
              const name = event.type?.text.replace(/Event$/, '').replace(/(?<=[a-z])([A-Z])/g, '-$1').toLowerCase();
              const match = named.find((other) => other.name === name);
              if (match) match.type ??= event.type;
              else if (name) named.push({ ...event, name });
            }
            declaration.events = named;
          }
        }
      },
    },
  ],
};
