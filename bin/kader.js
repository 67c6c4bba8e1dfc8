#!/usr/bin/env node
// Thin shim: start the compiled CLI (npm run build / prepare makes dist/).
import { run } from '../dist/cli/main.js';

await run();
