/**
 * The potential analysis ("potentialeanalyse") of one municipality in three steps, from the
 * `infrastruktur-potentiale` rows (municipality × SKI system it uses × integration of that
 * system). Pure TypeScript: the pages call it in the browser, tests in Node.
 *
 * 1. Tilslutning (connection): of the integrations its systems are onboarded to
 *    (status Klarmeldt or Delvist klarmeldt), how many does the municipality use (calls in
 *    the last 12 months)? KPI = connected / onboarded. Each missing one is a question to
 *    the vendor.
 * 2. Udbredelse (spread): is a system that is connected somewhere connected in every
 *    municipality that uses it? KPI = of the municipality's onboarded pairs that are connected
 *    in at least one municipality, the share connected here; `landsandel` is the same over all
 *    municipalities' pairs. The list shows pairs where at least half of the other
 *    municipalities with the system are connected but this one is not ("others did it").
 * 3. Anvendelse (use): for connected pairs, calls per 1,000 inhabitants against the median
 *    of the other connected municipalities for the same pair; pairs under a quarter of that
 *    median are "low use". Plus the share of the municipality's KLE-tagged case rows whose
 *    KLE number is not valid (data quality of the indexes).
 */

export interface PotentialeRow {
  kommunekode: string;
  ski_system: string;
  leverandoer: string;
  integration: string;
  service_nr: string;
  status: string;
  kald_12m: number;
  tilsluttet: boolean;
  kommuner_tilsluttet: number;
  kommuner_med_systemet: number;
}

export const ONBOARDED = new Set(["Klarmeldt", "Delvist klarmeldt"]);

export interface PairRef {
  ski_system: string;
  leverandoer: string;
  integration: string;
  status: string;
}

export interface Potentiale {
  kommunekode: string;
  tilslutning: {
    klarmeldte: number;
    tilsluttede: number;
    andel: number | null;
    mangler: (PairRef & { spoergsmaal: string })[];
  };
  udbredelse: {
    andel: number | null;
    landsandel: number | null;
    andre_har_gjort_det: (PairRef & { andre_tilsluttet: number; andre_med_systemet: number })[];
  };
  anvendelse: {
    tilsluttede: number;
    lav_anvendelse: (PairRef & { kald_pr_1000: number; median_andre_pr_1000: number })[];
    kle_ugyldige_andel: number | null;
  };
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ref = (r: PotentialeRow): PairRef => ({
  ski_system: r.ski_system,
  leverandoer: r.leverandoer,
  integration: r.integration,
  status: r.status
});

/**
 * @param rows all municipalities' potentiale rows (needed for medians and the national share)
 * @param population inhabitants per kommunekode (for calls per 1,000 inhabitants)
 * @param kle the municipality's KLE rows (`kle_gyldig`), optional
 */
export function potentiale(
  kommunekode: string,
  rows: readonly PotentialeRow[],
  population: ReadonlyMap<string, number>,
  kle: readonly { kommunekode: string; kle_gyldig: boolean }[] = []
): Potentiale {
  const onboarded = rows.filter((r) => ONBOARDED.has(r.status));
  const mine = onboarded.filter((r) => r.kommunekode === kommunekode);
  const connected = mine.filter((r) => r.tilsluttet);
  const missing = mine.filter((r) => !r.tilsluttet);
  const andel = (a: number, b: number) => (b === 0 ? null : a / b);

  const perPair = new Map<string, PotentialeRow[]>();
  for (const r of onboarded) {
    const k = `${r.ski_system}\u0000${r.integration}`;
    const list = perPair.get(k);
    if (list) list.push(r);
    else perPair.set(k, [r]);
  }
  const others = (r: PotentialeRow) =>
    (perPair.get(`${r.ski_system}\u0000${r.integration}`) ?? []).filter((o) => o.kommunekode !== kommunekode);

  const andre = missing
    .map((r) => {
      const o = others(r);
      return { ...ref(r), andre_tilsluttet: o.filter((x) => x.tilsluttet).length, andre_med_systemet: o.length };
    })
    .filter((x) => x.andre_med_systemet > 0 && x.andre_tilsluttet / x.andre_med_systemet >= 0.5)
    .sort(
      (a, b) =>
        b.andre_tilsluttet / b.andre_med_systemet - a.andre_tilsluttet / a.andre_med_systemet ||
        a.ski_system.localeCompare(b.ski_system)
    );

  const pr1000 = (r: PotentialeRow) => {
    const p = population.get(r.kommunekode);
    return p ? (r.kald_12m / p) * 1000 : null;
  };
  const low: Potentiale["anvendelse"]["lav_anvendelse"] = [];
  for (const r of connected) {
    const own = pr1000(r);
    const m = median(
      others(r)
        .filter((o) => o.tilsluttet)
        .map(pr1000)
        .filter((x): x is number => x !== null)
    );
    if (own !== null && m !== null && own < m / 4) low.push({ ...ref(r), kald_pr_1000: own, median_andre_pr_1000: m });
  }
  low.sort((a, b) => a.kald_pr_1000 / a.median_andre_pr_1000 - b.kald_pr_1000 / b.median_andre_pr_1000);

  const myKle = kle.filter((k) => k.kommunekode === kommunekode);
  return {
    kommunekode,
    tilslutning: {
      klarmeldte: mine.length,
      tilsluttede: connected.length,
      andel: andel(connected.length, mine.length),
      mangler: missing.map((r) => ({
        ...ref(r),
        spoergsmaal: `Spørg ${r.leverandoer}: hvornår tilsluttes ${r.ski_system} ${r.integration} i kommunen? Systemet er ${r.status.toLowerCase()} til integrationen.`
      }))
    },
    udbredelse: {
      andel: andel(connected.length, mine.filter((r) => r.kommuner_tilsluttet > 0).length),
      landsandel: andel(
        onboarded.filter((r) => r.tilsluttet).length,
        onboarded.filter((r) => r.kommuner_tilsluttet > 0).length
      ),
      andre_har_gjort_det: andre
    },
    anvendelse: {
      tilsluttede: connected.length,
      lav_anvendelse: low,
      kle_ugyldige_andel: myKle.length ? myKle.filter((k) => !k.kle_gyldig).length / myKle.length : null
    }
  };
}
