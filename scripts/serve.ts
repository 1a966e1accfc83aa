/**
 * `npm start`: build the site if dist/ is missing (or with --build), then serve dist/
 * on http://127.0.0.1:3000 (PORT to change). A plain static server: correct MIME
 * types (.wasm as application/wasm), clean URLs (/kommune/101 → kommune/101.html),
 * Framework's 404 page, and nothing but loopback.
 */
import { createServer, type Server } from "node:http";
import { existsSync, createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import type { AddressInfo } from "node:net";

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
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8"
};

/** Resolve a URL path to a file in dist, or null. */
export function resolveFile(dist: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const target = normalize(join(dist, path));
  if (!target.startsWith(resolve(dist))) return null;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`, join(target, "index.html")];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

export function serveDist(dist: string, port: number, host = "127.0.0.1"): Promise<Server> {
  const root = resolve(dist);
  const server = createServer((req, res) => {
    const file = resolveFile(root, req.url ?? "/");
    const status = file ? 200 : 404;
    const body = file ?? join(root, "404.html");
    if (!existsSync(body)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Siden findes ikke.");
      return;
    }
    res.writeHead(status, {
      "content-type": MIME[extname(body)] ?? "application/octet-stream",
      "content-length": statSync(body).size,
      "cache-control": "no-cache"
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(body).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve("dist");
  if (process.argv.includes("--build") || !existsSync(join(dist, "index.html"))) {
    const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const server = await serveDist(dist, Number(process.env.PORT ?? 3000));
  const { port } = server.address() as AddressInfo;
  process.stderr.write(`kommunetal kører på http://127.0.0.1:${port}/ (Ctrl+C for at stoppe)\n`);
}
