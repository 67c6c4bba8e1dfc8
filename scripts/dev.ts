// `npm run dev -- <args>`: run the CLI from src/ through tsx, without a build. src/cli/main.ts
// only exports run() (bin/kader.js starts the built one), so this is the entry from source.
import { run } from '../src/cli/main.js';

await run();
