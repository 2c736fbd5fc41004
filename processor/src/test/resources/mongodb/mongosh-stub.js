// A recording stand-in for mongosh's `db`, for tests: runs one generated script under plain
// Node.js and prints, as JSON, every call the script made, in order:
//   [{"on": "db" | <collection>, "method": ..., "arguments": [...]}, ...]
// It provides what a schemac script may use and nothing else: db.createCollection, db.runCommand,
// db.getCollection(name) with createIndex, dropIndex, drop, renameCollection and updateMany, and
// mongosh's constructors UUID(), ISODate(), NumberDecimal(), NumberLong() and NumberInt() (as
// Extended JSON). Anything else the script touches on db or a collection is an error, and so is
// shell syntax (use, show), which is not JavaScript.
//
// Usage: node mongosh-stub.js <script.js>
'use strict';
const fs = require('fs');
const vm = require('vm');

const calls = [];

function strict(name, methods) {
  return new Proxy(methods, {
    get(target, prop) {
      if (typeof prop === 'symbol' || Object.prototype.hasOwnProperty.call(target, prop)) {
        return target[prop];
      }
      throw new Error(name + '.' + String(prop) + ' is not something a schemac script may use');
    },
  });
}

function recorder(on, method) {
  return (...args) => {
    calls.push({ on, method, arguments: JSON.parse(JSON.stringify(args)) });
    return { ok: 1 };
  };
}

function collection(name) {
  if (typeof name !== 'string' || name.length === 0) {
    throw new Error('getCollection takes a collection name, not ' + JSON.stringify(name));
  }
  const methods = {};
  for (const m of ['createIndex', 'dropIndex', 'drop', 'renameCollection', 'updateMany']) {
    methods[m] = recorder(name, m);
  }
  return strict('db.getCollection(' + JSON.stringify(name) + ')', methods);
}

const db = strict('db', {
  createCollection: recorder('db', 'createCollection'),
  runCommand: recorder('db', 'runCommand'),
  getCollection: collection,
});

const sandbox = {
  db,
  UUID: (s) => ({ $uuid: String(s) }),
  ISODate: (s) => ({ $date: String(s) }),
  NumberDecimal: (s) => ({ $numberDecimal: String(s) }),
  NumberLong: (s) => ({ $numberLong: String(s) }),
  NumberInt: (s) => ({ $numberInt: String(s) }),
};

const file = process.argv[2];
vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
process.stdout.write(JSON.stringify(calls));
