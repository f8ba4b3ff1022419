/** `import 'zmot/define'` registers every element under its `zmot-*` tag. */
import { defineElements } from './registry.js';

defineElements();
