/**
 * A small client for Statistics Denmark's StatBank API v1 (https://api.statbank.dk/v1/):
 * `tableinfo` and `data`, POST with a JSON body, as DST documents it.
 *
 * What it does about an unreliable network, so a refresh never half-succeeds:
 * - every request has a time limit (AbortController);
 * - 429 and 5xx answers, network errors and time-outs are retried with exponential
 *   backoff (honouring `Retry-After` when DST sends it), up to `retries` times;
 * - other 4xx answers are not retried: they mean the request is wrong, and DST's own
 *   message is passed on in the error;
 * - a `data` answer whose row count differs from what the request selects is a truncated
 *   or padded body: retried like a network error, then refused.
 *
 * The client knows nothing about files; see snapshot.ts for writing and swapping.
 */

export interface TableInfoValue {
  id: string;
  text: string;
}

export interface TableInfoVariable {
  id: string;
  text: string;
  elimination: boolean;
  time: boolean;
  values: TableInfoValue[];
}

export interface TableInfo {
  id: string;
  text: string;
  unit: string;
  updated: string;
  suppressedDataValue?: string;
  variables: TableInfoVariable[];
}

export interface DataRequest {
  table: string;
  /** variable id → selected value ids (variables left out are eliminated by DST) */
  variables: { code: string; values: string[] }[];
}

export interface ClientOptions {
  /** e.g. "https://api.statbank.dk/v1" (no trailing slash needed) */
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
  /** first backoff in ms; doubles on every retry */
  backoffMs?: number;
  /** injected for tests */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** progress lines (Danish), e.g. to stderr */
  log?: (line: string) => void;
}

/** A refresh failure with a Danish message a person can act on. */
export class StatbankError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StatbankError";
  }
}

/** DST's limit on cells (rows × columns) in one non-streaming extract. */
export const CELL_LIMIT = 1_000_000;

class Retryable extends Error {}

export class StatbankClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: (line: string) => void;
  /** number of HTTP requests made, retries included (for tests and the summary) */
  requests = 0;

  constructor(options: ClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retries = options.retries ?? 4;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.fetchFn = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms)));
    this.log = options.log ?? (() => {});
  }

  async tableinfo(table: string): Promise<TableInfo> {
    const text = await this.post("tableinfo", { table, format: "JSON", lang: "da" }, (body) => body);
    let info: TableInfo;
    try {
      info = JSON.parse(text) as TableInfo;
    } catch {
      throw new StatbankError(
        `DST's tableinfo for ${table} er ikke gyldig JSON (svaret begynder "${text.slice(0, 60)}")`
      );
    }
    if (!Array.isArray(info.variables) || typeof info.id !== "string") {
      throw new StatbankError(`DST's tableinfo for ${table} mangler "id" eller "variables": formatet er ændret`);
    }
    return info;
  }

  /**
   * One `data` request as CSV (`;`, value codes). `expectedRows` is the number of value
   * combinations the request selects; an answer with another count is refused.
   */
  async data(request: DataRequest, expectedRows: number): Promise<string> {
    const body = {
      table: request.table,
      format: "CSV",
      lang: "da",
      delimiter: "Semicolon",
      valuePresentation: "Code",
      timeOrder: "Ascending",
      variables: request.variables.map((v) => ({ code: v.code, values: v.values }))
    };
    return this.post("data", body, (text) => {
      const lines = text
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter((l) => l !== "");
      const rows = lines.length - 1;
      if (rows !== expectedRows) {
        throw new Retryable(
          `svaret fra DST har ${rows} rækker, forventede ${expectedRows} (afkortet eller ufuldstændigt svar)`
        );
      }
      return text;
    });
  }

  private async post(fn: string, body: unknown, check: (text: string) => string): Promise<string> {
    const url = `${this.base}/${fn}`;
    let lastReason = "";
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) {
        const wait = this.backoffMs * 2 ** (attempt - 1);
        this.log(`  forsøger igen om ${wait} ms (${attempt}/${this.retries}): ${lastReason}`);
        await this.sleep(wait);
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      this.requests++;
      try {
        const response = await this.fetchFn(url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "*/*" },
          body: JSON.stringify(body),
          signal: controller.signal
        });
        const text = await response.text();
        if (response.status === 429 || response.status >= 500) {
          lastReason = `DST svarede ${response.status}`;
          const retryAfter = Number(response.headers.get("retry-after"));
          if (Number.isFinite(retryAfter) && retryAfter > 0 && attempt < this.retries)
            await this.sleep(retryAfter * 1000);
          continue;
        }
        if (!response.ok) {
          throw new StatbankError(`DST afviste forespørgslen til ${fn} (${response.status}): ${text.slice(0, 300)}`);
        }
        return check(text);
      } catch (e) {
        if (e instanceof StatbankError) throw e;
        if (e instanceof Retryable) lastReason = e.message;
        else if ((e as Error).name === "AbortError") lastReason = `intet svar inden for ${this.timeoutMs} ms`;
        else lastReason = `netværksfejl: ${(e as Error).message}`;
      } finally {
        clearTimeout(timer);
      }
    }
    throw new StatbankError(`${fn} hos DST (${url}) lykkedes ikke efter ${this.retries + 1} forsøg: ${lastReason}`);
  }
}

/**
 * Split the values of the chunking variable so that each request stays under DST's cell
 * limit: rows = product of the selected value counts; cells = rows × columns (one column
 * per selected variable plus INDHOLD).
 */
export function chunkValues(
  variables: { code: string; values: string[] }[],
  chunkBy: string,
  limit = CELL_LIMIT
): string[][] {
  const target = variables.find((v) => v.code === chunkBy);
  if (!target) throw new StatbankError(`kan ikke dele forespørgslen op efter ${chunkBy}: variablen er ikke valgt`);
  const columns = variables.length + 1;
  const otherRows = variables.filter((v) => v !== target).reduce((n, v) => n * v.values.length, 1);
  const perValue = otherRows * columns;
  const per = Math.floor(limit / perValue);
  if (per < 1)
    throw new StatbankError(`én værdi af ${chunkBy} giver ${perValue} celler, over DST's grænse på ${limit}`);
  const chunks: string[][] = [];
  for (let i = 0; i < target.values.length; i += per) chunks.push(target.values.slice(i, i + per));
  return chunks;
}
