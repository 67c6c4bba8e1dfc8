// The second thread of a large `check` or `aggregate` (src/cli/halves.ts): the same bundle,
// compiled from the same code cache, doing its half of the files.
'use strict';
require('./load.js').loadBundle().exports.worker();
