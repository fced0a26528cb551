// Loaded into the bench's servers (NODE_OPTIONS=--require) by bench/live.ts,
// never by the product: counts, from inside each server process, what
// reached it. Requests as Node's HTTP server received them, by kind of
// address (an /api/live poll is a route handler marked force-dynamic: each
// one runs the handler) and by the port they arrived on (several instances
// of the cluster mode each listen on their own); answers Next.js marked MISS
// or STALE (a render, or a stale copy whose render it starts: the renderer's
// work); and reads of a live stream from the database (statements on
// live_posts, through better-sqlite3, which Kysely's SQLite driver uses, or
// pg's Client, its PostgreSQL driver; the build loads them under hashed
// aliases, better-sqlite3-<hash>, pg-<hash>, or by path).
// Written as JSON to KIJI_BENCH_PROBE_DIR/<pid>.json every 250 ms by each
// process that has counted something (next start forks the server).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const Module = require('node:module');

const dir = process.env.KIJI_BENCH_PROBE_DIR;
if (dir) {
  const counts = { requests: { liveApi: 0, articlePage: 0, other: 0 }, renders: 0, streamReads: 0, ports: [] };
  let dirty = false;
  const classify = (url) => (url.startsWith('/api/live/') ? 'liveApi' : url.startsWith('/articles/') ? 'articlePage' : 'other');
  const ports = new Set();

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request) {
    if (event === 'request') {
      counts.requests[classify(request.url || '')] += 1;
      const port = request.socket && request.socket.localPort;
      if (port && !ports.has(port)) {
        ports.add(port);
        counts.ports = [...ports];
      }
      dirty = true;
    }
    return emit.apply(this, arguments);
  };

  const setHeader = http.ServerResponse.prototype.setHeader;
  http.ServerResponse.prototype.setHeader = function (name, value) {
    if (String(name).toLowerCase() === 'x-nextjs-cache' && (value === 'MISS' || value === 'STALE')) {
      counts.renders += 1;
      dirty = true;
    }
    return setHeader.apply(this, arguments);
  };

  const countRead = () => {
    counts.streamReads += 1;
    dirty = true;
  };
  const readsStream = (source) => /from "live_posts"/i.test(String(source));

  const load = Module._load;
  Module._load = function (request) {
    const loaded = load.apply(this, arguments);
    if (/^better-sqlite3(-[0-9a-f]+)?$/.test(request) && loaded && loaded.prototype && !loaded.__kijiProbe) {
      loaded.__kijiProbe = true;
      const prepare = loaded.prototype.prepare;
      loaded.prototype.prepare = function (source) {
        const statement = prepare.apply(this, arguments);
        if (readsStream(source)) {
          for (const method of ['all', 'get', 'iterate']) {
            const original = statement[method];
            statement[method] = function () {
              countRead();
              return original.apply(this, arguments);
            };
          }
        }
        return statement;
      };
    }
    // pg's Pool makes its connections from pg.Client, so its prototype sees every query Kysely sends.
    // Known by its shape: imported from ESM, it arrives here under its file's path, not its name.
    if (loaded && typeof loaded.Client === 'function' && typeof loaded.Pool === 'function' && loaded.types && !loaded.Client.prototype.__kijiProbe) {
      loaded.Client.prototype.__kijiProbe = true;
      const query = loaded.Client.prototype.query;
      loaded.Client.prototype.query = function (config) {
        if (readsStream(typeof config === 'string' ? config : config && config.text)) countRead();
        return query.apply(this, arguments);
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
