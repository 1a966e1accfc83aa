/**
 * Offline guard: a Node preload (`node --require ./scripts/offline-guard.cjs`, or via
 * NODE_OPTIONS so that every child process such as a data loader inherits it) that
 * refuses every outbound connection to a non-loopback address.
 *
 * It is how the test run proves the build is offline: a build that quietly asks a
 * registry or CDN fails here with a message naming the host, not later on a user's
 * offline laptop. It patches the lowest public entry points (net/tls connect, dns
 * lookups, fetch), so http, https, undici and WebSocket clients are all covered.
 */
"use strict";
const net = require("node:net");
const tls = require("node:tls");
const dns = require("node:dns");

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"]);

function isLoopback(host) {
  if (host == null || host === "") return true; // net defaults to localhost
  const h = String(host).toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127\./.test(h) || h === "::ffff:127.0.0.1";
}

function refuse(host, port, via) {
  const error = new Error(
    `kommunetal offline-vagt: udgående forbindelse til ${host}${port ? `:${port}` : ""} blokeret (${via}). ` +
      `Byggeriet og testene må ikke bruge netværket.`
  );
  error.code = "EKOMMUNETALOFFLINE";
  return error;
}

function targetOf(args) {
  const [a, b] = args;
  if (a && typeof a === "object") {
    if (a.path) return { local: true };
    return { host: a.host ?? a.hostname ?? "localhost", port: a.port };
  }
  if (typeof a === "string" && !/^\d+$/.test(a)) return { local: true }; // unix socket path
  return { host: typeof b === "string" ? b : "localhost", port: a };
}

for (const [mod, name] of [
  [net, "connect"],
  [net, "createConnection"],
  [tls, "connect"]
]) {
  const original = mod[name];
  mod[name] = function guardedConnect(...args) {
    const target = targetOf(args);
    if (!target.local && !isLoopback(target.host))
      throw refuse(target.host, target.port, `${mod === tls ? "tls" : "net"}.${name}`);
    return original.apply(this, args);
  };
}

const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedSocketConnect(...args) {
  const normalized = Array.isArray(args[0]) ? args[0] : args;
  const target = targetOf(normalized);
  if (!target.local && !isLoopback(target.host)) throw refuse(target.host, target.port, "net.Socket.connect");
  return socketConnect.apply(this, args);
};

for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) {
  const original = dns[name];
  dns[name] = function guardedLookup(host, ...rest) {
    if (!isLoopback(host)) throw refuse(host, undefined, `dns.${name}`);
    return original.call(this, host, ...rest);
  };
}
const promiseLookup = dns.promises.lookup;
dns.promises.lookup = async function guardedPromiseLookup(host, ...rest) {
  if (!isLoopback(host)) throw refuse(host, undefined, "dns.promises.lookup");
  return promiseLookup.call(this, host, ...rest);
};

if (typeof globalThis.fetch === "function") {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function guardedFetch(input, init) {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input?.url;
    let host;
    try {
      const url = new URL(href);
      if (url.protocol === "data:" || url.protocol === "file:" || url.protocol === "blob:")
        return originalFetch(input, init);
      host = url.hostname;
    } catch {
      host = String(href);
    }
    if (!isLoopback(host)) return Promise.reject(refuse(host, undefined, `fetch ${href}`));
    return originalFetch(input, init);
  };
}
