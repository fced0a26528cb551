// Loaded into the bench's server (NODE_OPTIONS=--require) by bench/live.ts,
// never by the product: counts, from inside the server process, what reached
// it. Requests as Node's HTTP server received them, by kind of address (an
// /api/live poll is a route handler marked force-dynamic: each one runs the
// handler), and reads of a live stream from SQLite (statements on
// live_posts, through better-sqlite3, which Kysely's SQLite driver uses;
// the build loads it under a hashed alias, better-sqlite3-<hash>).
// Written as JSON to KIJI_BENCH_PROBE_DIR/<pid>.json every 250 ms by each
// process that has counted something (next start forks the server).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const Module = require('node:module');

const dir = process.env.KIJI_BENCH_PROBE_DIR;
if (dir) {
  const counts = { requests: { liveApi: 0, articlePage: 0, other: 0 }, streamReads: 0 };
  let dirty = false;
  const classify = (url) => (url.startsWith('/api/live/') ? 'liveApi' : url.startsWith('/articles/') ? 'articlePage' : 'other');

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request) {
    if (event === 'request') {
      counts.requests[classify(request.url || '')] += 1;
      dirty = true;
    }
    return emit.apply(this, arguments);
  };

  const load = Module._load;
  Module._load = function (request) {
    const loaded = load.apply(this, arguments);
    if (/^better-sqlite3(-[0-9a-f]+)?$/.test(request) && loaded && loaded.prototype && !loaded.__kijiProbe) {
      loaded.__kijiProbe = true;
      const prepare = loaded.prototype.prepare;
      loaded.prototype.prepare = function (source) {
        const statement = prepare.apply(this, arguments);
        if (/from "live_posts"/i.test(String(source))) {
          for (const method of ['all', 'get', 'iterate']) {
            const original = statement[method];
            statement[method] = function () {
              counts.streamReads += 1;
              dirty = true;
              return original.apply(this, arguments);
            };
          }
        }
        return statement;
      };
    }
    return loaded;
  };

  const write = () => {
    if (!dirty) return;
    dirty = false;
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(counts));
  };
  setInterval(write, 250).unref();
  process.on('exit', write);
}
