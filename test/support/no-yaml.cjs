// Preloaded with NODE_OPTIONS=--require by test/check-fast.test.ts: loading the careful YAML
// parser (the `yaml` package) fails the process, so a test can show a command never needed it.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'yaml') throw new Error('the careful YAML parser was loaded');
  return load.call(this, request, ...rest);
};
