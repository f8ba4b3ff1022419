/**
 * Everything editors and readers learn about the elements, generated from custom-elements.json:
 *   editors/react.d.ts                    JSX `IntrinsicElements` for React 19 (`import type {} from 'zmot/react'`)
 *   editors/vscode.html-custom-data.json  VS Code HTML custom data: tags, attributes and their values
 *   editors/vscode.css-custom-data.json   VS Code CSS custom data: custom properties and `::part()` names
 *   demo/docs.html                        the element reference page of the demo, with live examples
 * The manifest gives names, descriptions and type names; attribute values (`variant="full"`) come from the
 * TypeScript types themselves, read with the compiler.
 *
 *   tsx scripts/gen-from-manifest.ts           writes the files (`npm run manifest` runs it after `cem analyze`)
 *   tsx scripts/gen-from-manifest.ts --check   fails when a committed file differs (part of `npm test`)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = 'Generated from custom-elements.json by scripts/gen-from-manifest.ts (npm run manifest): do not edit.';

// The slice of the custom elements manifest schema this script reads.
interface Described {
  name: string;
  description?: string;
  summary?: string;
}
interface TypeText {
  text: string;
}
interface Attribute extends Described {
  type?: TypeText;
  default?: string;
  fieldName?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  type?: TypeText;
  default?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  parameters?: { name: string; type?: TypeText; optional?: boolean }[];
  return?: { type?: TypeText };
}
interface Event extends Described {
  type?: TypeText;
}
interface Declaration extends Described {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
  events?: Event[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: (Described & { default?: string })[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** One element as the outputs need it. */
interface Element {
  tag: string;
  className: string;
  path: string;
  declaration: Declaration;
  attributes: (Attribute & { values: string[]; kind: 'boolean' | 'number' | 'values' | 'text' })[];
  /** Public, writable properties without an attribute (`data`). */
  properties: Member[];
  /** Public read-only properties (getters). */
  readonlyProperties: Member[];
  methods: Member[];
  events: Event[];
}

/** Where the package's `.d.ts` for a source module lives, relative to editors/. */
function libTypes(path: string): string {
  return `../dist/lib/${path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
}

function loadElements(): Element[] {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const found: { path: string; declaration: Declaration }[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName && declaration.customElement) found.push({ path: module.path, declaration });
    }
  }
  const program = ts.createProgram(
    found.map((f) => join(root, f.path)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      strict: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
      skipLibCheck: true,
      noEmit: true,
    },
  );
  const checker = program.getTypeChecker();

  /** The string values a property's type allows (`'summary' | 'full' | 'compact'`), else what kind it is. */
  function valuesOf(path: string, className: string, field: string | undefined): { kind: Element['attributes'][number]['kind']; values: string[] } {
    const source = program.getSourceFile(join(root, path));
    const node = source?.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className);
    const symbol = node?.name && checker.getSymbolAtLocation(node.name);
    const property = symbol && field ? checker.getDeclaredTypeOfSymbol(symbol).getProperty(field) : undefined;
    if (!node || !property) return { kind: 'text', values: [] };
    const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, node));
    const parts = type.isUnion() ? type.types : [type];
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { kind: 'boolean', values: [] };
    if (parts.every((t) => t.flags & ts.TypeFlags.NumberLike)) return { kind: 'number', values: [] };
    if (parts.every((t) => t.isStringLiteral())) return { kind: 'values', values: parts.map((t) => (t as ts.StringLiteralType).value) };
    return { kind: 'text', values: [] };
  }

  const publicMember = (m: Member) => !m.static && (!m.privacy || m.privacy === 'public') && !m.name.startsWith('#');
  return found
    .map(({ path, declaration }) => {
      const members = (declaration.members ?? []).filter(publicMember);
      const attributed = new Set((declaration.attributes ?? []).map((a) => a.fieldName));
      return {
        tag: declaration.tagName!,
        className: declaration.name,
        path,
        declaration,
        attributes: (declaration.attributes ?? []).map((a) => ({ ...a, ...valuesOf(path, declaration.name, a.fieldName) })),
        properties: members.filter((m) => m.kind === 'field' && !m.readonly && !attributed.has(m.name)),
        readonlyProperties: members.filter((m) => m.kind === 'field' && m.readonly),
        methods: members.filter((m) => m.kind === 'method'),
        events: (declaration.events ?? []).filter((e) => e.name),
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

// ---------------------------------------------------------------------------------------------- React

/** A JSDoc comment: one line, or wrapped text, with `*​/` defused. */
function jsdoc(text: string | undefined, indent: string): string {
  if (!text) return '';
  return `${indent}/** ${text.replaceAll('*/', '*\\/').replace(/\s*\n\s*/g, ' ')} */\n`;
}

/** A property key, quoted only when it has to be (`variant`, `'min-rating'`). */
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

function reactTypes(elements: Element[]): string {
  const imports = new Map<string, string[]>();
  for (const el of elements) imports.set(el.path, [...(imports.get(el.path) ?? []), el.className]);
  const lines = [
    `// ${HEADER}`,
    '/**',
    ' * JSX typings for the zmot elements in React 19, which sets a custom element\'s properties and listens to its',
    ' * events: `<zmot-rating data={feed} variant="full" onzmot-event={(e) => e.detail.type} />`. Load them once:',
    " * `import type {} from 'zmot/react';` in any file of the app. `ZmotJsxElements` serves other JSX runtimes.",
    ' */',
    "import type * as React from 'react';",
    ...[...imports].map(([path, names]) => `import type { ${names.sort().join(', ')} } from '${libTypes(path)}';`),
    '',
    '/** What every element takes from React: `key`, `ref`, `className`, `style`, `slot`, DOM events, `children` … */',
    'type HostProps<E extends HTMLElement, Own> = Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, keyof Own>;',
    '',
  ];
  for (const el of elements) {
    lines.push(jsdoc(`Props of \`<${el.tag}>\`: ${el.declaration.summary ?? ''}`, '').trimEnd());
    lines.push(`export interface ${el.className}Props {`);
    for (const a of el.attributes) {
      const type = a.fieldName ? `${el.className}['${a.fieldName}']` : a.kind === 'boolean' ? 'boolean' : 'string';
      lines.push(`${jsdoc(a.description, '  ')}  ${key(a.name)}?: ${type};`);
      if (a.fieldName && a.fieldName !== a.name) lines.push(`${jsdoc(a.description, '  ')}  ${a.fieldName}?: ${type};`);
    }
    for (const p of el.properties) lines.push(`${jsdoc(p.description, '  ')}  ${p.name}?: ${el.className}['${p.name}'];`);
    for (const e of el.events) {
      lines.push(`${jsdoc(`\`${e.name}\`: ${e.description ?? ''}`, '  ')}  'on${e.name}'?: (event: GlobalEventHandlersEventMap['${e.name}']) => void;`);
    }
    lines.push('}', '');
  }
  lines.push('/** Every zmot element, for any JSX runtime\'s `IntrinsicElements`. */', 'export interface ZmotJsxElements {');
  for (const el of elements) {
    lines.push(`${jsdoc(el.declaration.summary, '  ')}  '${el.tag}': ${el.className}Props & HostProps<${el.className}, ${el.className}Props>;`);
  }
  lines.push('}', '', "declare module 'react' {", '  namespace JSX {', '    interface IntrinsicElements extends ZmotJsxElements {}', '  }', '}', '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------- VS Code

function markdownList(title: string, items: Described[] | undefined, format = (i: Described) => `\`${i.name}\``): string {
  if (!items?.length) return '';
  return `\n\n**${title}:**\n${items.map((i) => `- ${format(i)}${i.description ? ` — ${i.description}` : ''}`).join('\n')}`;
}

function vscodeHtml(elements: Element[]): string {
  const data = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tag,
      description: {
        kind: 'markdown',
        value:
          [el.declaration.summary, el.declaration.description].filter(Boolean).join('\n\n') +
          markdownList('Events', el.events) +
          markdownList('Slots', el.declaration.slots, (s) => (s.name ? `\`${s.name}\`` : '(default)')) +
          markdownList('CSS parts', el.declaration.cssParts, (p) => `\`::part(${p.name})\``) +
          markdownList('CSS custom properties', el.declaration.cssProperties),
      },
      attributes: el.attributes.map((a) => ({
        name: a.name,
        description: a.description ?? '',
        ...(a.kind === 'boolean' ? { valueSet: 'v' } : {}),
        ...(a.values.length ? { values: a.values.map((name) => ({ name })) } : {}),
      })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

function vscodeCss(elements: Element[]): string {
  /** Each name once, with which elements use it; the first description wins (the shared tokens agree). */
  function collect(pick: (el: Element) => Described[] | undefined): { name: string; description: string }[] {
    const byName = new Map<string, { description: string; tags: string[] }>();
    for (const el of elements) {
      for (const item of pick(el) ?? []) {
        const entry = byName.get(item.name) ?? { description: item.description ?? '', tags: [] };
        entry.tags.push(el.tag);
        byName.set(item.name, entry);
      }
    }
    return [...byName]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, { description, tags }]) => ({ name, description: `${description} (${tags.map((t) => `<${t}>`).join(', ')})`.trim() }));
  }
  const data = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: collect((el) => el.declaration.cssProperties),
    pseudoElements: collect((el) => el.declaration.cssParts).map((p) => ({ ...p, name: `::part(${p.name})` })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------- docs page

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** Description text with its `code` spans. */
const prose = (text: string | undefined) => escape(text ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');
const code = (text: string | undefined) => (text ? `<code>${escape(text)}</code>` : '');

/** The live example of each element: the attributes it starts with. Products are the demo's feeds. */
const EXAMPLES: Record<string, Record<string, string>> = {
  'zmot-rating': { product: 'ledgerly-cloud', variant: 'full', 'no-structured-data': '' },
  'zmot-testimonials': { product: 'trail-runner-2', layout: 'list', limit: '3', 'no-structured-data': '' },
  'zmot-recommend': { product: 'trail-runner-2', 'cooldown-days': '0' },
  'zmot-review-form': { product: 'trail-runner-2' },
  'zmot-dashboard': { src: '/', site: 'demo' },
};
const EXAMPLE_NOTES: Record<string, string> = {
  'zmot-dashboard': 'Needs the collector of <code>npm start</code>: sign in with the token it prints (<code>demo-owner-token-1</code>).',
  'zmot-recommend': 'With <code>cooldown-days="0"</code> it asks again after each answer.',
  'zmot-review-form': 'This page has no collector: the form checks what you type, then says it could not send. <code>npm start</code> serves one, with the form at <code>/demo/review.html</code>.',
};

function table(tag: string, caption: string, head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return `
      <h3>${caption}</h3>
      <div class="table" role="region" aria-label="${caption} of &lt;${tag}&gt;" tabindex="0"><table>
        <thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
        <tbody>
${rows.map((r) => `          <tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}
        </tbody>
      </table></div>`;
}

function attributeType(a: Element['attributes'][number]): string {
  if (a.values.length) return a.values.map((v) => code(v)).join(' | ');
  return code(a.kind === 'text' ? (a.type?.text ?? 'string') : a.kind);
}

function controls(el: Element, start: Record<string, string>, products: string[]): string {
  const id = (name: string) => `${el.tag}-${name}`;
  const out: string[] = [];
  // The product first: it picks the demo feed.
  const attributes = [...el.attributes].sort((a, b) => Number(b.name === 'product') - Number(a.name === 'product'));
  for (const a of attributes) {
    const current = start[a.name];
    if (a.name === 'product' && current) {
      out.push(`<label for="${id(a.name)}">${a.name}</label><select id="${id(a.name)}" data-attr="${a.name}">${products
        .map((p) => `<option${p === current ? ' selected' : ''}>${escape(p)}</option>`)
        .join('')}</select>`);
    } else if (a.kind === 'values') {
      out.push(`<label for="${id(a.name)}">${a.name}</label><select id="${id(a.name)}" data-attr="${a.name}"><option value=""${current ? '' : ' selected'}>(absent)</option>${a.values
        .map((v) => `<option${v === current ? ' selected' : ''}>${escape(v)}</option>`)
        .join('')}</select>`);
    } else if (a.kind === 'boolean') {
      out.push(`<label for="${id(a.name)}">${a.name}</label><input type="checkbox" id="${id(a.name)}" data-attr="${a.name}"${current !== undefined ? ' checked' : ''}>`);
    } else if (a.kind === 'number') {
      out.push(`<label for="${id(a.name)}">${a.name}</label><input type="number" id="${id(a.name)}" data-attr="${a.name}" value="${escape(current ?? '')}">`);
    }
  }
  return out.map((c) => `            <div class="control">${c}</div>`).join('\n');
}

function docsPage(elements: Element[]): string {
  const products = readdirSync(join(root, 'demo', 'feeds'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  const sections = elements.map((el) => {
    const start = EXAMPLES[el.tag] ?? {};
    const attrs = Object.entries(start)
      .map(([k, v]) => (v ? ` ${k}="${escape(v)}"` : ` ${k}`))
      .join('');
    const snippet = `<${el.tag}${attrs}></${el.tag}>`;
    const d = el.declaration;
    return `
    <section id="${el.tag}" aria-labelledby="${el.tag}-title">
      <h2 id="${el.tag}-title"><code>&lt;${el.tag}&gt;</code></h2>
      <p class="summary">${prose(d.summary)}</p>
      ${d.description ? `<p>${prose(d.description)}</p>` : ''}
      <h3>Live example</h3>
      <div class="example" data-example="${el.tag}" data-events="${el.events.map((e) => e.name).join(' ')}">
        <form class="controls" aria-label="Attributes of the &lt;${el.tag}&gt; example">
${controls(el, start, products)}
        </form>
        <div class="stage">${snippet}</div>
        <pre tabindex="0"><code data-snippet>${escape(snippet)}</code></pre>
        ${EXAMPLE_NOTES[el.tag] ? `<p class="note">${EXAMPLE_NOTES[el.tag]}</p>` : ''}
        <p class="log-title" id="${el.tag}-log">Events from the example</p>
        <ol class="log" aria-labelledby="${el.tag}-log" data-log></ol>
      </div>${table(
        el.tag,
        'Attributes',
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        el.attributes.map((a) => [code(a.name), code(a.fieldName), attributeType(a), code(a.default), prose(a.description)]),
      )}${table(
        el.tag,
        'Properties',
        ['Property', 'Type', 'Description'],
        [
          ...el.properties.map((p) => [code(p.name), code(p.type?.text), prose(p.description)]),
          ...el.readonlyProperties.map((p) => [code(p.name), code(p.type?.text), `Read-only. ${prose(p.description)}`]),
        ],
      )}${table(
        el.tag,
        'Methods',
        ['Method', 'Returns', 'Description'],
        el.methods.map((m) => [
          code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')})`),
          code(m.return?.type?.text),
          prose(m.description),
        ]),
      )}${table(el.tag, 'Events', ['Event', 'Type', 'Description'], el.events.map((e) => [code(e.name), code(e.type?.text), prose(e.description)]))}${table(
        el.tag,
        'Slots',
        ['Slot', 'Description'],
        (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)]),
      )}${table(el.tag, 'CSS parts', ['Part', 'Description'], (d.cssParts ?? []).map((p) => [code(`::part(${p.name})`), prose(p.description)]))}${table(
        el.tag,
        'CSS custom properties',
        ['Property', 'Description'],
        (d.cssProperties ?? []).map((p) => [code(p.name), prose(p.description)]),
      )}
    </section>`;
  });
  return `<!doctype html>
<!-- ${HEADER} -->
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>zmot elements: reference</title>
    <link rel="stylesheet" href="demo.css" />
    <link rel="stylesheet" href="docs.css" />
    <!-- The live examples: the drop-in with the demo's own feed files; no endpoint, so events stay in the page. -->
    <script type="module" src="/dist/zmot.js" data-site="demo" data-feed="/demo/feeds/{product}.json" data-consent="granted"></script>
    <script type="module" src="docs.js"></script>
  </head>
  <body>
    <header class="site">
      <strong>zmot demo</strong>
      <nav aria-label="Site"><a href="index.html">All demo pages</a> · <a href="/">The owner’s dashboard</a></nav>
    </header>
    <main class="docs">
      <h1>Element reference</h1>
      <p>
        Every element's attributes, properties, events, slots, CSS parts and custom properties, generated from the
        package's <code>custom-elements.json</code>. Each example is live: change its attributes, and watch the events it fires.
      </p>
      <nav aria-label="Elements">
        <ul>
${elements.map((el) => `          <li><a href="#${el.tag}"><code>&lt;${el.tag}&gt;</code></a> ${prose(el.declaration.summary)}</li>`).join('\n')}
        </ul>
      </nav>${sections.join('\n')}
    </main>
  </body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------- main

const elements = loadElements();
const outputs: Record<string, string> = {
  'editors/react.d.ts': reactTypes(elements),
  'editors/vscode.html-custom-data.json': vscodeHtml(elements),
  'editors/vscode.css-custom-data.json': vscodeCss(elements),
  'demo/docs.html': docsPage(elements),
};

if (process.argv.includes('--check')) {
  const stale = Object.keys(outputs).filter((file) => !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== outputs[file]);
  if (stale.length) {
    console.error(`Stale: ${stale.join(', ')}. Run "npm run manifest" and commit them.`);
    process.exit(1);
  }
  console.log(`${Object.keys(outputs).join(', ')} are fresh.`);
} else {
  for (const [file, text] of Object.entries(outputs)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  console.log(`Wrote ${Object.keys(outputs).join(', ')} (${elements.length} elements).`);
}
