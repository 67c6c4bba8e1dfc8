// Writes docs/rules.md from the rule help in src/i18n (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../dist/cli/format/rules-doc.js';
import { ruleHelp as en } from '../dist/i18n/en-rules.js';
import { ruleHelp as nl } from '../dist/i18n/nl-rules.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown(en, nl));
