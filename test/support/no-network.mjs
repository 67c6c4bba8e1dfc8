// Preloaded with --import: every way out to the network (a socket connect, a DNS query) writes
// "[network attempt: …]" to stderr and throws, so a test sees an attempt even when the code
// under test catches the error. IPC and Unix-domain sockets (a path, no host) stay allowed.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const net = require('node:net');
const dns = require('node:dns');

function refuse(what) {
  process.stderr.write(`[network attempt: ${what}]\n`);
  throw new Error(`network refused by test/support/no-network.mjs: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const path = typeof first === 'string' ? first : first?.path;
  if (path === undefined || first?.port !== undefined || typeof first === 'number') refuse(`connect ${JSON.stringify(first)}`);
  return connect.apply(this, args);
};
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  dns[name] = () => refuse(`dns.${name}`);
  dns.promises[name] = () => refuse(`dns.promises.${name}`);
}
syncBuiltinESMExports();
