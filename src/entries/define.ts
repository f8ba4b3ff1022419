/**
 * `import 'zmot/define'` registers every element under its `zmot-*` tag, and lets the bundler split the
 * locales so each loads the first time an element needs it.
 */
import { bundledLocales } from '../i18n/bundled-locales.js';
import { setLocaleLoader } from '../i18n/i18n.js';
import { defineElements } from '../elements/registry.js';

setLocaleLoader(bundledLocales);
defineElements();
