#!/usr/bin/env node
// Starts the built CLI (npm run build / prepare makes dist/). CommonJS, see bin/load.js.
'use strict';
require('./load.js').loadBundle().exports.run();
