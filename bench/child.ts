/**
 * Shared by the benchmarks that measure one run per child process (so that peak RSS is that run's own):
 * `runChild` starts `node --import tsx <script> ...args`, lets its stderr through and returns the JSON object the
 * child prints as its last stdout line; `childResult` is what the child calls to print it, with its own peak RSS.
 */
import { spawnSync } from "node:child_process";

export function runChild<T>(script: string, args: readonly string[]): T {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf-8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024
  });
  if (r.status !== 0) throw new Error(`${script} ${args[0] ?? ""} fejlede (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as T;
}

/** Print the child's result as one JSON line, with `maxRssMB`: the process's peak resident set size (Node + DuckDB). */
export function childResult(result: Record<string, number>): void {
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMB })}\n`);
}

/** Median (with an even count: the larger of the two middle values). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The value after `--name` on the command line, or undefined. */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
