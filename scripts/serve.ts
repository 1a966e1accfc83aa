/**
 * `npm start`: build the site if dist/ is missing (or with --build), then serve dist/
 * on http://127.0.0.1:3000 (PORT to change). A plain static server, nothing but loopback:
 * - correct MIME types (.wasm as application/wasm, .parquet, .duckdb, .zip);
 * - clean URLs (/kommune/101 → kommune/101.html), the site's 404 page with status 404;
 * - no path traversal: the resolved path must stay inside dist/ (`path.relative`);
 * - GET and HEAD only (405 with `Allow` otherwise);
 * - the build's pre-compressed `<file>.gz` when the browser accepts gzip (`Vary: Accept-Encoding`);
 * - `Range` requests: one range → 206, unsatisfiable → 416, several → the whole file (200);
 * - a file that vanishes while served (a build swapping dist/) is a 404 or a closed
 *   connection, never a crash.
 */

import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, type Stats, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";

export const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".zip": "application/zip",
  // DuckDB has no registered media type; a binary download
  ".duckdb": "application/octet-stream",
  ".gz": "application/gzip",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8"
};

/** Resolve a URL path to a file inside dist, or null (never a path outside dist). */
export function resolveFile(dist: string, urlPath: string): string | null {
  const root = resolve(dist);
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  // a NUL or a backslash has no business in a URL path of this site
  if (path.includes("\0") || path.includes("\\")) return null;
  const target = resolve(root, "." + (path.startsWith("/") ? path : `/${path}`));
  if (!inside(root, target)) return null;
  const candidates = path.endsWith("/")
    ? [join(target, "index.html")]
    : [target, `${target}.html`, join(target, "index.html")];
  for (const c of candidates) {
    if (!inside(root, c)) continue;
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not there (or vanished): try the next candidate
    }
  }
  return null;
}

/** Is `target` the root or below it? Compares resolved paths, not string prefixes. */
function inside(root: string, target: string): boolean {
  const r = relative(root, target);
  return r === "" || (!r.startsWith(`..${sep}`) && r !== ".." && !isAbsolute(r));
}

/** Does the request accept gzip (and not with q=0)? */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== "gzip" && name !== "*") return false;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}

/**
 * Parse a `Range` header against a size: `{start, end}` (inclusive) for one satisfiable
 * range, "unsatisfiable" (416), or null to ignore it (absent, several ranges, not bytes).
 */
export function parseRange(
  header: string | undefined,
  size: number
): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.trim().startsWith("bytes=") && !header.includes(",") ? "unsatisfiable" : null;
  const [, a, b] = m;
  if (a === "" && b === "") return "unsatisfiable";
  let start: number;
  let end: number;
  if (a === "") {
    const n = Number(b);
    if (n === 0) return "unsatisfiable";
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== "" && Number(b) < start) return "unsatisfiable";
  }
  if (start >= size || size === 0) return "unsatisfiable";
  return { start, end };
}

function statOrNull(path: string): Stats | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache", ...headers })
    .end(text);
}

/** Send a file; if it vanishes before or while it is read, answer 404 (or close the connection). */
function sendFile(req: IncomingMessage, res: ServerResponse, root: string, file: string, status: number): void {
  const type = MIME[extname(file)] ?? "application/octet-stream";
  const headers: Record<string, string | number> = {
    "content-type": type,
    "cache-control": "no-cache",
    "accept-ranges": "bytes"
  };
  const compressedSibling = `${file}.gz`;
  const hasGz = statOrNull(compressedSibling) !== null;
  if (hasGz) headers["vary"] = "Accept-Encoding";
  let path = file;
  let stats = statOrNull(file);
  if (!stats) return notFound(req, res, root);
  const rangeHeader = status === 200 ? req.headers.range : undefined;
  const range = parseRange(rangeHeader, stats.size);
  if (range === "unsatisfiable")
    return plain(res, 416, "Det ønskede byteinterval findes ikke i filen.", {
      "content-range": `bytes */${stats.size}`
    });
  let start = 0;
  let end = stats.size - 1;
  if (range) {
    start = range.start;
    end = range.end;
    status = 206;
    headers["content-range"] = `bytes ${start}-${end}/${stats.size}`;
  } else if (hasGz && acceptsGzip(req.headers["accept-encoding"])) {
    const gzStats = statOrNull(compressedSibling);
    if (gzStats) {
      path = compressedSibling;
      stats = gzStats;
      end = stats.size - 1;
      headers["content-encoding"] = "gzip";
    }
  }
  headers["content-length"] = stats.size === 0 ? 0 : end - start + 1;
  if (req.method === "HEAD") {
    res.writeHead(status, headers).end();
    return;
  }
  const stream = createReadStream(path, { start, end: Math.max(end, 0) });
  stream.once("open", () => {
    res.writeHead(status, headers);
    stream.pipe(res);
  });
  stream.once("error", () => {
    // vanished between stat and open (or while reading): a 404 if nothing is sent yet
    if (!res.headersSent) notFound(req, res, root);
    else res.destroy();
  });
  res.once("close", () => stream.destroy());
}

function notFound(req: IncomingMessage, res: ServerResponse, root: string): void {
  const page = join(root, "404.html");
  if (statOrNull(page))
    sendFile({ ...req, headers: { ...req.headers, range: undefined } } as IncomingMessage, res, root, page, 404);
  else plain(res, 404, "Siden findes ikke.");
}

/** A Danish message for a server that cannot listen (busy port, no permission, bad number), with what to do. */
export function portMessage(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const next = Number.isInteger(port) && port > 0 && port < 65535 ? port + 1 : 3001;
  if (code === "EADDRINUSE")
    return (
      `Porten ${port} er optaget: et andet program (måske et tidligere \`npm start\`) lytter allerede på 127.0.0.1:${port}. ` +
      `Stop det, eller vælg en anden port, fx: PORT=${next} npm start`
    );
  if (code === "EACCES")
    return `Kommunetal må ikke lytte på porten ${port} (porte under 1024 kræver administratorrettigheder). Vælg en anden port, fx: PORT=${next < 1024 ? 3000 : next} npm start`;
  if (code === "ERR_SOCKET_BAD_PORT" || !Number.isInteger(port))
    return `"${process.env.PORT}" er ikke et portnummer (0-65535). Vælg en anden port, fx: PORT=3000 npm start`;
  return `Serveren kunne ikke starte på porten ${port}: ${(error as Error)?.message ?? String(error)}. Prøv en anden port, fx: PORT=${next} npm start`;
}

export function serveDist(dist: string, port: number, host = "127.0.0.1"): Promise<Server> {
  const root = resolve(dist);
  const server = createServer((req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD")
        return plain(res, 405, "Kun GET og HEAD er tilladt.", { allow: "GET, HEAD" });
      const file = resolveFile(root, req.url ?? "/");
      if (!file || !file.startsWith(root + sep) || file === join(root, "404.html")) return notFound(req, res, root);
      sendFile(req, res, root, file, 200);
    } catch (error) {
      plain(res, 500, `Serverfejl: ${(error as Error).message}`);
    }
  });
  server.on("clientError", (_e, socket) => socket.destroy());
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve("dist");
  if (process.argv.includes("--build") || !existsSync(join(dist, "index.html"))) {
    const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (r.status !== 0) {
      // the build is atomic: a failed build leaves the previous site, which we can still serve
      if (!existsSync(join(dist, "index.html"))) process.exit(r.status ?? 1);
      process.stderr.write("Byggeriet fejlede (se ovenfor); serverer det forrige site fra dist/.\n");
    }
  }
  const wanted = Number(process.env.PORT ?? 3000);
  try {
    const server = await serveDist(dist, wanted);
    const { port } = server.address() as AddressInfo;
    process.stderr.write(`kommunetal kører på http://127.0.0.1:${port}/ (Ctrl+C for at stoppe)\n`);
  } catch (error) {
    process.stderr.write(`${portMessage(error, wanted)}\n`);
    process.exit(1);
  }
}
