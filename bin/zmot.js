#!/usr/bin/env node
// The `zmot` command: runs the compiled collector CLI (`npm run build:node` makes dist/node/).
import { main } from '../dist/node/collector/cli.js';

process.exitCode = await main(process.argv.slice(2));
