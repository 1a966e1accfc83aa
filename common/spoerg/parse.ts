/**
 * Spørg's parser: a question in everyday Danish → a typed query over the catalogue, or a
 * clarification ("uklart") or a refusal ("afvist"). Deterministic; no model, no network.
 * Text that looks like SQL or script is only ever read as words.
 */
import { ALIASES, plain, WORD_ALIASES } from "../kommune/names.js";
import { fuzzyEqual, normalise } from "./text.js";
import type {
  Forstaaet,
  Fortolkning,
  Kandidat,
  Operation,
  SpoergFigur,
  SpoergKatalog,
  SpoergKommune
} from "./types.js";

/** Everyday words → key figure ids (regexes over normalised text). More than one id means "ask back". */
export const SYNONYMER: [RegExp, string[]][] = [
  [/\b(udgift(er)? pr elev|pr elev|elevudgift(er)?|elevpris(en)?)\b/, ["udg-til-folkeskolen-pr-elev"]],
  [
    /\b(udgift(er)? til (skole|skolen|skolerne)|skoleudgift(er|erne)?)\b/,
    ["udg-til-folkeskolen-pr-elev", "udg-til-folkeskolen-pr-6-16-aarig", "udg-til-folkeskoleomraadet-pr-indb"]
  ],
  [/\b(aeldreudgift(er|erne)?|udgift(er)? til (de )?aeldre|aeldreomraadet)\b/, ["udgifter-til-aeldre-pr-67plus-aarig"]],
  [
    /\b(skatteprocent(en)?|kommuneskat(ten)?|skattesats(en)?|udskrivningsprocenten|indkomstskatteprocent)\b/,
    ["udskrivningsprocent"]
  ],
  [/\b(kirkeskat(ten)?)\b/, ["kirkeskatteprocent"]],
  [/\b(grundskyld(en)?)\b/, ["grundskyldpromille"]],
  [
    /\b(ledighed(en)?|ledige|arbejdsloeshed(en)?|ledighedsprocent(en)?|arbejdsloese)\b/,
    ["fuldtidsledige-pr-100-17-64-66-aarige"]
  ],
  [
    /(?<!\bpr )\b(indbyggere|indbyggertal(let)?|folketal(let)?|befolkningstal(let)?|befolkning(en)?|hvor mange bor)\b/,
    ["indbyggertal-1-januar"]
  ],
  [/\b(klassekvotient(en)?|elever pr klasse|klassestoerrelse(n)?)\b/, ["gennemsnitlig-klassekvotient"]],
  [/\b(skolestoerrelse(n)?|elever pr skole)\b/, ["gennemsnitlig-skolestoerrelse"]],
  [/\b((antal|hvor mange) (folke)?skoler|(?<=\b(flest|faerrest) )(folke)?skoler)\b/, ["antal-folkeskoler"]],
  [/\b(antal klasser|normalklasser)\b/, ["antal-normalklasser"]],
  [/\b(privatskoleandel(en)?|privatskoleelever|privatskole(r|rne)?)\b/, ["privatskoleelever-pr-100-elever"]],
  [/\b(serviceudgift(er|erne)?)\b/, ["serviceudgifter-pr-indb"]],
  [/\b(gaeld(en)?|langfristet gaeld)\b/, ["langfristet-gaeld-pr-1-1-pr-indb"]],
  [/\b(likviditet(en)?|kassebeholdning(en)?)\b/, ["likviditet-efter-kassekreditreglen-pr-indb"]],
  [/\b(areal(et)?|km2)\b/, ["areal-km2-abs"]],
  [/\b(befolkningstaethed(en)?|taethed(en)?)\b/, ["befolkningstaethed-indb-km2"]],
  [/\b(socio ?oe?konomisk(e)? indeks|sociooekonomi)\b/, ["sociooekonomisk-indeks"]],
  [/\b(tyverier|indbrud)\b/, ["anmeldte-tyverier-indbrud-pr-1-000-indb"]],
  [/\b(vold|voldsforbrydelser|voldsanmeldelser)\b/, ["anmeldte-voldsforbrydelser-pr-1-000-indb"]],
  [/\b(valgte kvinder|kvinder i byraadet|kvindelige byraadsmedlemmer)\b/, ["andel-valgte-kvinder-ved-kommunalvalg"]],
  [/\b(opstillede kvinder|kvindelige kandidater)\b/, ["andel-opstillede-kvinder-ved-kommunalvalg"]],
  [/\b(pendlere|pendling)\b/, ["andel-udpendlere", "andel-indpendlere"]],
  [/\budpendlere\b/, ["andel-udpendlere"]],
  [/\bindpendlere\b/, ["andel-indpendlere"]],
  [/\b(ejerboliger)\b/, ["andel-ejerboliger"]],
  [/\b(almene boliger|almennyttige boliger|almennyttige)\b/, ["andel-almennyttige-boliger"]],
  [/\b(foertidspensionister)\b/, ["foertidspensionister-pr-100-17-64-66-aarige"]],
  [/\b(kontanthjaelpsmodtagere)\b/, ["kontanthjaelpsmodtagere-mv-pr-100-17-64-aarige"]],
  [/\b(sygedagpenge)\b/, ["udg-til-sygedagpenge-pr-17-64-66-aarig"]],
  [
    /\b(dagplejetakst(en)?|takst(en)? for dagpleje|pris(en)? paa dagpleje|koster (en )?dagpleje(plads)?)\b/,
    ["maanedlig-takst-for-dagplejeplads-for-0-2-aarige"]
  ],
  [
    /\b(vuggestuetakst(en)?|takst(en)? for vuggestue|pris(en)? paa vuggestue|koster (en )?vuggestue(plads)?)\b/,
    ["maanedlig-takst-for-daginstitutionsplads-for-0-2-aarige"]
  ],
  [
    /\b(boernehavetakst(en)?|takst(en)? for boernehave|pris(en)? paa boernehave|koster (en )?boernehave(plads)?)\b/,
    ["maanedlig-takst-for-daginstitutionsplads-for-3-5-aarige"]
  ],
  [
    /\b(plejehjemspladser|pladser paa plejehjem|plejehjem)\b/,
    ["pladser-i-plejehjem-pl-centre-pr-1-000-65plus-67plus-aarige"]
  ],
  [/\b(biblioteksudlaan|udlaan)\b/, ["biblioteksudlaan-pr-indb"]],
  [/\b(antal biblioteker|hvor mange biblioteker)\b/, ["antal-biblioteker"]],
  [/\b(administrationsudgift(er)?|adm udgift(er)?)\b/, ["udg-til-ledelse-og-adm-pr-indb"]],
  [/\b(udgiftsbehov(et)?)\b/, ["udgiftsbehov-landet-pr-indb", "udgiftsbehov-hovedstaden-pr-indb"]],
  [
    /\b(dagtilbudsudgift(er)?|udgift(er)? til dagtilbud)\b/,
    [
      "udg-netto-til-dagtilbud-pr-indb",
      "udg-brutto-til-dagtilbud-pr-indb",
      "udg-netto-til-dagtilbud-pr-0-13-aarig",
      "udg-brutto-til-dagtilbud-pr-0-13-aarig"
    ]
  ],
  [/\b(kulturudgift(er)?)\b/, ["udg-til-kultur-pr-indb"]],
  [/\b(sportsudgift(er)?|idraetsudgift(er)?)\b/, ["udg-til-sport-og-fritid-pr-indb"]],
  [/\b(selskabsskat(ten)?)\b/, ["indtaegter-fra-selskabsskat-pr-indb"]],
  [/\b(ejendomsskat(ten)?)\b/, ["indtaegter-fra-ejendomsskat-pr-indb"]],
  [/\b(aeldreboliger)\b/, ["aeldreboliger-pr-1-000-65plus-67plus-aarige"]],
  [/\b(plejeboliger)\b/, ["plejeboliger-pr-1-000-65plus-67plus-aarige"]],
  [/\b(andel aeldre|aeldre andel|andel 65plus)\b/, ["andel-65plus-aarige"]],
  [/\b(andel boern|boerneandel)\b/, ["andel-0-17-aarige"]]
];

/** Word forms reduced to one canonical token, in titles and questions alike. */
const CANON: Record<string, string> = {
  udg: "udgift",
  udgifter: "udgift",
  udgiften: "udgift",
  udgifterne: "udgift",
  indb: "indbygger",
  indbyggere: "indbygger",
  indbyggerne: "indbygger",
  adm: "administration",
  administrationen: "administration",
  led: "ledelse",
  bibl: "bibliotek",
  biblioteker: "bibliotek",
  biblioteket: "bibliotek",
  elever: "elev",
  eleven: "elev",
  folkeskolen: "folkeskole",
  folkeskoler: "folkeskole",
  folkeskolerne: "folkeskole",
  skolen: "skole",
  skoler: "skole",
  pladser: "plads",
  aarig: "aarige",
  procent: "pct",
  indt: "indtaegter",
  saerl: "saerlige",
  ekskl: "ekskl",
  excl: "ekskl",
  sundh: "sundhed",
  aeldrebol: "aeldreboliger",
  boernene: "boern"
};

const STOP = new Set(
  (
    "pr til af og i for mv m fl abs paa den det der er hvad hvor hvilke hvilken har kommune kommunen kommuner " +
    "kommunerne kommunes kr om med at en et de som var vi jeg hvordan hvem mange meget se vis giv mig tal tallet tallene " +
    "aar aaret aarene i alt fra siden ud op"
  ).split(" ")
);
// "med" and "alt" carry meaning in some titles; they are stop words for questions only
const TITLE_STOP = new Set("pr til af og i for mv m fl abs paa den det der er kr".split(" "));

const RANK_DESC = /\b(flest|hoejest|hoejeste|stoerst|stoerste|mest|dyrest|dyreste|bruger mest)\b/;
const RANK_ASC = /\b(lavest|laveste|mindst|mindste|faerrest|billigst|billigste|bund|bunden)\b/;
const RANK_ANY = /\b(hvilke kommuner|hvilken kommune|top ?\d*|rangering|rangliste|topliste)\b/;
const TREND = /\b(udvikling(en)?|udviklet|over tid|tidsserie|steget|faldet|aendret)\b/;
const MEAN = /\b(gennemsnit(tet)?|gennemsnitlig(e)?|gns|middel|middelvaerdi(en)?)\b/;
const MEDIAN = /\bmedian(en)?\b/;
const LANDET = /\b(hele landet|landet|landsgennemsnit(tet)?|danmark|landsplan|landstal(let)?)\b/;
const ALLE = /\b(alle kommuner|alle 98|alle 98 kommuner|samtlige kommuner|kommunerne)\b/;
/** "i forhold til sin sammenligningsgruppe", "sammenlignelige kommuner", "gruppen" */
const GRUPPE =
  /\b(sammenligningsgruppe(n|r|rne)?|sammenlignelige kommuner|sammenligningskommuner(ne)?|sin gruppe|dens gruppe|gruppen|lignende kommuner)\b/;
const KORT = /\b(kort|kortet|danmarkskort)\b/;
const LATEST = /\b(seneste aar|nyeste aar|senest|seneste|nyeste|i aar)\b/;
const OUT_OF_SCOPE: [RegExp, string][] = [
  [/\b(vejr(et|udsigt)?|regn|temperatur|sol)\b/, "vejret"],
  [/\b(telefon(nummer|numre)?|tlf|e ?mail|adresse|aabningstid(er)?|aabent)\b/, "kontaktoplysninger og åbningstider"],
  [/\b(borgmester(en)?|politiker(e)?|parti(er)?|stemmer|valgresultat)\b/, "politikere og valgresultater"],
  [/\b(huspris(er)?|boligpris(er)?|kvadratmeterpris)\b/, "boligpriser"],
  [/\b(corona|covid)\b/, "sygdomstal"]
];
const CODE_LIKE =
  /(\b(select|drop|delete|insert|update|union|create|alter)\b.*\b(from|table|into|set|select)\b|<\s*script|;\s*--|\bjavascript\b)/;

interface Span {
  start: number;
  end: number;
}

export interface Index {
  katalog: SpoergKatalog;
  figurById: Map<string, SpoergFigur>;
  figurTokens: Map<string, string[]>;
  titelFraser: [string, string][];
  kommuneFraser: [string, string][];
  kommuneByKode: Map<string, SpoergKommune>;
  regionFraser: [string, string][];
  vocabulary: Set<string>;
  seneste: number;
}

/**
 * Other names of the municipalities as phrases of normalised text: the one alias table of common/kommune/names.ts
 * (without the aliases that are everyday words), each as written and without æ/ø/å ("Århus" → "aarhus", "arhus").
 */
export function aliasPhrases(): [string, string][] {
  const out = new Map<string, string>();
  for (const [kode, aliases] of Object.entries(ALIASES))
    for (const a of aliases) {
      if (WORD_ALIASES.has(a)) continue;
      for (const p of [normalise(a), plain(a)]) if (p && !out.has(p)) out.set(p, kode);
    }
  return [...out];
}

const canon = (t: string) => CANON[t] ?? t;

function titleTokens(titel: string): string[] {
  const t = normalise(titel.replace(/\((til|kun) \d{4}\)/gi, ""));
  return [
    ...new Set(
      t
        .split(" ")
        .map(canon)
        .filter((w) => w && !TITLE_STOP.has(w))
    )
  ];
}

export function buildIndex(katalog: SpoergKatalog): Index {
  const figurTokens = new Map(katalog.figurer.map((f) => [f.id, titleTokens(f.titel)]));
  const titelFraser: [string, string][] = [];
  for (const f of katalog.figurer) {
    titelFraser.push([normalise(f.titel.replace(/\((til|kun) \d{4}\)/gi, "")), f.id], [f.id.replace(/-/g, " "), f.id]);
  }
  titelFraser.sort((a, b) => b[0].length - a[0].length);
  const kommuneFraser: [string, string][] = [];
  for (const k of katalog.kommuner) {
    const n = normalise(k.navn);
    kommuneFraser.push(
      [normalise(k.officielt_navn), k.kommunekode],
      [n + "s kommune", k.kommunekode],
      [n + " kommune", k.kommunekode],
      [n + "s", k.kommunekode],
      [n, k.kommunekode]
    );
  }
  const koder = new Set(katalog.kommuner.map((k) => k.kommunekode));
  kommuneFraser.push(...aliasPhrases().filter(([, kode]) => koder.has(kode)));
  kommuneFraser.sort((a, b) => b[0].length - a[0].length);
  const regioner = new Map(katalog.kommuner.map((k) => [k.regionskode, k.regionsnavn]));
  const regionFraser: [string, string][] = [];
  for (const [kode, navn] of regioner) {
    const n = normalise(navn);
    regionFraser.push([n, kode], [n.replace(/^region /, ""), kode]);
  }
  regionFraser.sort((a, b) => b[0].length - a[0].length);
  const vocabulary = new Set<string>([...STOP]);
  for (const ts of figurTokens.values()) for (const t of ts) vocabulary.add(t);
  const seneste = Math.max(...katalog.figurer.flatMap((f) => f.aar));
  return {
    katalog,
    figurById: new Map(katalog.figurer.map((f) => [f.id, f])),
    figurTokens,
    titelFraser,
    kommuneFraser,
    kommuneByKode: new Map(katalog.kommuner.map((k) => [k.kommunekode, k])),
    regionFraser,
    vocabulary,
    seneste
  };
}

/** Finds `phrase` at word boundaries in `text` (both normalised) outside consumed spans. */
function findPhrase(text: string, phrase: string, used: Span[]): Span | null {
  let from = 0;
  for (;;) {
    const i = text.indexOf(phrase, from);
    if (i < 0) return null;
    const end = i + phrase.length;
    const okLeft = i === 0 || text[i - 1] === " ";
    const okRight = end === text.length || text[end] === " ";
    if (okLeft && okRight && !used.some((u) => i < u.end && end > u.start)) return { start: i, end };
    from = i + 1;
  }
}

function mask(text: string, used: Span[]): string {
  let s = text;
  for (const u of used) s = s.slice(0, u.start) + " ".repeat(u.end - u.start) + s.slice(u.end);
  return s;
}

/** Nearest figures by token overlap (fuzzy), best first. */
export function nearestFigures(idx: Index, words: string[], n = 3): { id: string; score: number }[] {
  const q = words.map(canon).filter((w) => !STOP.has(w));
  const scored: { id: string; score: number; len: number }[] = [];
  for (const [id, ts] of idx.figurTokens) {
    if (!ts.length) continue;
    const matched = ts.filter((t) => q.some((w) => fuzzyEqual(w, t))).length;
    if (matched) scored.push({ id, score: matched / ts.length, len: ts.length });
  }
  scored.sort((a, b) => b.score - a.score || b.len - a.len || a.id.localeCompare(b.id));
  return scored.slice(0, n).map(({ id, score }) => ({ id, score }));
}

const NUMBER_WORDS: Record<string, number> = { tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ti: 10, tyve: 20 };

function kandidat(idx: Index, id: string): Kandidat {
  return { id, titel: idx.figurById.get(id)!.titel };
}

const EXAMPLES = [
  "Hvad bruger Aalborg pr. elev i folkeskolen?",
  "Skatteprocent i Herning 2019",
  "Hvilke kommuner har flest indbyggere?"
];

/** Parses a question; `forrige` is the previous understood query (follow-ups such as "og Herning?"). */
export function parse(idx: Index, question: string, forrige?: Forstaaet | null): Fortolkning {
  const text = normalise(question);
  if (!text) return { status: "afvist", begrundelse: "Spørgsmålet er tomt.", forslag: EXAMPLES };
  const used: Span[] = [];
  const noter: string[] = [];
  const gruppeMatch = GRUPPE.exec(text);
  if (gruppeMatch) used.push({ start: gruppeMatch.index, end: gruppeMatch.index + gruppeMatch[0].length });
  const gruppe = gruppeMatch !== null;

  // 1. key figures: exact titles/ids, then everyday words, then fuzzy title tokens
  let figurer: string[] = [];
  for (const [phrase, id] of idx.titelFraser) {
    const sp = findPhrase(text, phrase, used);
    if (sp && !figurer.includes(id)) {
      used.push(sp);
      figurer = [id];
      break;
    }
  }
  if (!figurer.length) {
    for (const [re, ids] of SYNONYMER) {
      const m = re.exec(mask(text, used));
      if (m) {
        used.push({ start: m.index, end: m.index + m[0].length });
        figurer = ids;
        // a more specific everyday word later in the table wins over a general one (e.g. "udpendlere" over "pendlere")
        if (ids.length > 1) continue;
        break;
      }
    }
  }

  // 2. regions, then municipalities (names, official names, aliases, codes)
  let masked = mask(text, used);
  let region: string | null = null;
  for (const [phrase, kode] of idx.regionFraser) {
    const sp = findPhrase(masked, phrase, used);
    if (sp) {
      // "Hovedstaden" alone after a figure about the capital is the figure's word, already consumed
      region = kode;
      used.push(sp);
      break;
    }
  }
  masked = mask(text, used);
  const kommuner: string[] = [];
  for (const [phrase, kode] of idx.kommuneFraser) {
    let sp: Span | null;
    while ((sp = findPhrase(masked, phrase, used))) {
      used.push(sp);
      masked = mask(text, used);
      if (!kommuner.includes(kode)) kommuner.push(kode);
    }
  }
  masked = mask(text, used);
  const words = masked.split(" ").filter(Boolean);
  const unknownCodes: string[] = [];
  for (const w of words) {
    if (
      (/^\d{3}$/.test(w) && /\bkommune(kode)?\s+\d{3}\b|^\d{3}$/.test(masked.trim())) ||
      (/^\d{3}$/.test(w) && /kode/.test(masked))
    ) {
      if (idx.kommuneByKode.has(w)) {
        if (!kommuner.includes(w)) kommuner.push(w);
      } else unknownCodes.push(w);
    } else if (/^\d{3}$/.test(w) && idx.kommuneByKode.has(w) && !/\bpr\s+\d/.test(masked)) {
      if (!kommuner.includes(w)) kommuner.push(w);
    }
  }
  // fuzzy names for words that are no known vocabulary (misspellings such as "Kobenhavn", "Bronderslev")
  for (const w of words) {
    if (/\d/.test(w) || idx.vocabulary.has(canon(w)) || w.length < 5) continue;
    for (const k of idx.katalog.kommuner) {
      const n = normalise(k.navn);
      if (!n.includes(" ") && fuzzyEqual(w, n) && !kommuner.includes(k.kommunekode)) {
        kommuner.push(k.kommunekode);
        break;
      }
    }
  }
  // order municipalities by where they appear in the question
  kommuner.sort((a, b) => firstPos(text, idx, a) - firstPos(text, idx, b));

  if (!figurer.length) {
    const fuzzy = nearestFigures(idx, words, 5);
    const full = fuzzy.filter((f) => f.score === 1);
    if (full.length === 1) figurer = [full[0].id];
    else if (full.length > 1) figurer = full.map((f) => f.id);
    else if (fuzzy.length && fuzzy[0].score >= 0.75 && (fuzzy.length < 2 || fuzzy[1].score < fuzzy[0].score))
      figurer = [fuzzy[0].id];
  }

  // 3. years
  const aarNaevnt: number[] = [];
  let fra: number | null = null;
  let til: number | null = null;
  const range =
    /\b(20\d\d|19\d\d)-(20\d\d|19\d\d)\b/.exec(text) ?? /\bfra (20\d\d|19\d\d) til (20\d\d|19\d\d)\b/.exec(text);
  const siden = /\b(siden|efter|fra) (20\d\d|19\d\d)\b/.exec(text);
  if (range) {
    fra = +range[1];
    til = +range[2];
  }
  if (!range && siden) fra = +siden[2];
  // "(til 2018)" in a figure's title is part of its name, not a year asked for
  const yearText =
    figurer.length === 1
      ? text.replace(
          new RegExp(
            `\\b${normalise(idx.figurById.get(figurer[0])!.titel.match(/\((til|kun) \d{4}\)/i)?.[0] ?? "§")}\\b`,
            "g"
          ),
          " "
        )
      : text;
  for (const m of yearText.matchAll(/\b(19\d\d|20\d\d)\b/g)) aarNaevnt.push(+m[1]);
  const latest = LATEST.test(text);

  // 4. operation words
  const desc = RANK_DESC.test(masked);
  const asc = RANK_ASC.test(masked);
  const rankAny = RANK_ANY.test(masked);
  const trend = TREND.test(masked) || fra !== null;
  const mean = MEAN.test(masked);
  const median = MEDIAN.test(masked);
  const landet = LANDET.test(masked);
  const alle = ALLE.test(masked);
  const kort = KORT.test(masked);
  let antal: number | null = null;
  const topN =
    /\btop ?(\d{1,2})\b/.exec(masked) ??
    /\b(\d{1,2}) (hoejeste|laveste|stoerste|mindste|kommuner|dyreste|billigste)\b/.exec(masked) ??
    /\bde (\d{1,2})\b/.exec(masked);
  if (topN) antal = +topN[1];
  else
    for (const [w, n] of Object.entries(NUMBER_WORDS))
      if (new RegExp(`\\b${w} (hoejeste|laveste|stoerste|mindste|kommuner|dyreste|billigste)\\b`).test(masked))
        antal = n;

  const followUp =
    !!forrige &&
    (!figurer.length || (!kommuner.length && !region && !alle && !desc && !asc && !rankAny && !mean && !median));
  const hasModifier =
    gruppe ||
    kommuner.length ||
    region ||
    aarNaevnt.length ||
    landet ||
    kort ||
    desc ||
    asc ||
    mean ||
    median ||
    latest ||
    alle ||
    trend;

  if (
    !figurer.length &&
    (!(forrige && hasModifier) ||
      CODE_LIKE.test(text) ||
      CODE_LIKE.test(question.toLowerCase()) ||
      OUT_OF_SCOPE.some(([re]) => re.test(text)))
  ) {
    if (CODE_LIKE.test(text) || CODE_LIKE.test(question.toLowerCase())) {
      return {
        status: "afvist",
        begrundelse:
          "Det ligner SQL eller programkode. Spørg kører aldrig kode fra spørgsmålet; stil spørgsmålet med ord.",
        forslag: EXAMPLES
      };
    }
    for (const [re, what] of OUT_OF_SCOPE) {
      if (re.test(text)) {
        return {
          status: "afvist",
          begrundelse: `Kommunetal har ingen data om ${what}. Spørg svarer kun ud fra de kommunale nøgletal.`,
          forslag: EXAMPLES
        };
      }
    }
    const near = nearestFigures(idx, words, 5).filter((f) => f.score >= 0.2);
    if (near.length) {
      return {
        status: "uklart",
        begrundelse: "Jeg er ikke sikker på, hvilket nøgletal du mener. Mener du et af disse?",
        kandidater: near.map((f) => kandidat(idx, f.id)),
        forslag: []
      };
    }
    return {
      status: "afvist",
      begrundelse: "Det ved jeg ikke: jeg kan ikke finde et nøgletal i spørgsmålet.",
      forslag: nearestFigures(idx, words, 3)
        .map((f) => idx.figurById.get(f.id)!.titel)
        .concat(EXAMPLES)
        .slice(0, 5)
    };
  }
  if (figurer.length > 1) {
    return {
      status: "uklart",
      begrundelse: "Spørgsmålet passer på flere nøgletal. Hvilket mener du?",
      kandidater: figurer.map((id) => kandidat(idx, id)),
      forslag: []
    };
  }
  if (unknownCodes.length && !kommuner.length) {
    return {
      status: "afvist",
      begrundelse: `Der findes ingen kommune med koden ${unknownCodes.join(", ")}.`,
      forslag: EXAMPLES
    };
  }

  // 5. merge with the previous question for follow-ups
  const figurId = figurer[0] ?? forrige!.noegletal[0];
  const figur = idx.figurById.get(figurId)!;
  let ks = kommuner;
  let reg = region;
  const rankWords = desc || asc || rankAny;
  if (followUp && forrige) {
    if (!ks.length && !reg && !alle && !rankWords && !mean && !median && !kort) {
      ks = forrige.kommuner;
      reg = forrige.region;
    } else if (ks.length && /^(og|samt|plus|ogsaa)\b/.test(text) && forrige.operation === "sammenligning")
      ks = [...new Set([...forrige.kommuner, ...ks])];
  }

  if (!figur.aar.length) {
    return {
      status: "afvist",
      begrundelse: `${figur.titel} har ingen værdier i kommunetal (serien findes kun i ældre årgange, før 2013).`,
      forslag: nearestFigures(idx, figur.titel.split(" "), 4)
        .filter((f) => f.id !== figur.id)
        .map((f) => idx.figurById.get(f.id)!.titel)
    };
  }

  let operation: Operation;
  if ((mean || median) && !ks.length) operation = median ? "median" : "gennemsnit";
  else if (kort) operation = "kort";
  else if (rankWords || ((alle || reg) && !ks.length)) operation = "rangering";
  else if (ks.length >= 2) operation = trend ? "udvikling" : "sammenligning";
  else if (ks.length === 1) operation = trend ? "udvikling" : "vaerdi";
  else if (landet) operation = trend ? "udvikling" : "landstal";
  else if (followUp && forrige)
    operation = trend && forrige.operation !== "rangering" ? "udvikling" : forrige.operation;
  else {
    return {
      status: "uklart",
      begrundelse: `Hvilken kommune mener du? Skriv fx "${figur.titel} i Aalborg", eller "alle kommuner" for en rangering.`,
      kandidater: [kandidat(idx, figur.id)],
      forslag: []
    };
  }
  if (
    followUp &&
    forrige &&
    !rankWords &&
    !kort &&
    !(mean || median) &&
    ks.length &&
    forrige.operation === "udvikling" &&
    !aarNaevnt.length
  )
    operation = "udvikling";

  // 6. years, validated against the figure's years with data
  const available = figur.aar;
  let aar: number[];
  let auto = false;
  const fromPrev = followUp && forrige && !aarNaevnt.length && !latest ? forrige.aar : null;
  if (fra !== null) {
    const end = til ?? available[available.length - 1];
    aar = available.filter((y) => y >= fra! && y <= end);
    const outside = [fra, end].filter((y) => y < available[0] || y > available[available.length - 1]);
    if (!aar.length || (til !== null && outside.length)) return outsideYears(figur, outside.length ? outside : [fra]);
    if (
      operation !== "udvikling" &&
      operation !== "gennemsnit" &&
      operation !== "median" &&
      operation !== "sammenligning"
    )
      operation = "udvikling";
  } else if (aarNaevnt.length) {
    const bad = aarNaevnt.filter((y) => !available.includes(y));
    if (bad.length) return outsideYears(figur, bad);
    aar = [...new Set(aarNaevnt)].sort();
  } else if (
    fromPrev &&
    fromPrev.every((y) => available.includes(y)) &&
    (operation !== "udvikling" || fromPrev.length > 1)
  ) {
    aar = fromPrev;
    auto = forrige!.aarAutomatisk;
  } else if (operation === "udvikling") {
    aar = available;
  } else {
    aar = [available[available.length - 1]];
    auto = true;
  }
  if ((operation === "rangering" || operation === "vaerdi" || operation === "kort") && aar.length > 1) {
    if (operation === "vaerdi") operation = "udvikling";
    else aar = [aar[aar.length - 1]];
  }
  if (operation === "udvikling" && aar.length < 2 && fra === null && !trend)
    operation = ks.length >= 2 ? "sammenligning" : "vaerdi";
  if (auto) noter.push(`Intet år angivet: bruger seneste år med data, ${aar[aar.length - 1]}.`);
  if (auto && aar[aar.length - 1] === idx.seneste)
    noter.push(
      `Bemærk: ${idx.seneste} er budgettal i udtrækket, ikke regnskab; skriv "i ${idx.seneste - 1}" for seneste regnskabsår.`
    );

  const withOthers = operation === "vaerdi" || operation === "udvikling" || operation === "sammenligning";
  let sammenlign: "landet" | "gruppe" | null =
    gruppe && withOthers && ks.length
      ? "gruppe"
      : landet && operation !== "landstal" && operation !== "rangering" && operation !== "kort"
        ? "landet"
        : null;
  if (gruppe && !sammenlign)
    return {
      status: "uklart",
      begrundelse: `Sammenligningsgruppen hører til en kommune: hvilken? Skriv fx "${figur.titel} i Aarhus i forhold til sammenligningsgruppen".`,
      kandidater: [kandidat(idx, figur.id)],
      forslag: []
    };
  if (
    !sammenlign &&
    followUp &&
    forrige &&
    forrige.sammenlign &&
    (operation === "vaerdi" || operation === "udvikling" || operation === "sammenligning")
  )
    sammenlign = forrige.sammenlign;
  let retning: "hoejest" | "lavest" | null = null;
  if (operation === "rangering") {
    retning =
      asc && !desc
        ? "lavest"
        : asc && desc
          ? masked.search(RANK_ASC) < masked.search(RANK_DESC)
            ? "lavest"
            : "hoejest"
          : "hoejest";
    if (!rankWords && followUp && forrige?.retning) retning = forrige.retning;
    if (antal === null)
      antal = /\bhvilken kommune\b/.test(masked) ? 1 : followUp && forrige?.antal ? forrige.antal : 10;
  } else antal = null;
  if (operation !== "rangering" && operation !== "gennemsnit" && operation !== "median" && operation !== "kort")
    reg = null;
  if (["rangering", "gennemsnit", "median", "kort", "landstal"].includes(operation)) ks = [];

  const forstaaet: Forstaaet = {
    noegletal: [figur.id],
    kommuner: ks,
    region: reg,
    aar,
    operation,
    sammenlign,
    retning,
    antal,
    aarAutomatisk: auto
  };
  return { status: "ok", forstaaet, noter };
}

function outsideYears(figur: SpoergFigur, years: number[]): Fortolkning {
  return {
    status: "afvist",
    begrundelse:
      `${figur.titel} findes ikke for ${years.join(", ")}: kommunetal har tal for ${figur.aar[0]}–${figur.aar[figur.aar.length - 1]}` +
      (figur.aar.length < figur.aar[figur.aar.length - 1] - figur.aar[0] + 1
        ? ` (årene ${figur.aar.join(", ")})`
        : "") +
      ".",
    forslag: [`${figur.titel} ${figur.aar[figur.aar.length - 1]}`]
  };
}

function firstPos(text: string, idx: Index, kode: string): number {
  let best = Infinity;
  for (const [phrase, k] of idx.kommuneFraser)
    if (k === kode) {
      const i = text.indexOf(phrase);
      if (i >= 0 && i < best) best = i;
    }
  if (best === Infinity) {
    const i = text.indexOf(kode);
    if (i >= 0) best = i;
  }
  if (best === Infinity) {
    const n = normalise(idx.kommuneByKode.get(kode)!.navn);
    text.split(" ").forEach((w, i) => {
      if (best === Infinity && fuzzyEqual(w, n)) best = text.split(" ").slice(0, i).join(" ").length;
    });
  }
  return best;
}
