/**
 * The municipality list (/kommune/): the export's columns and source. Pure and typed;
 * tested in test/views/kommuner.test.ts.
 */
import type { Column } from "../export.js";
import type { Kommune } from "../vocabulary.js";

export const KOMMUNER_SOURCE =
  "DAWA/SDFI (DAGI); Danmarks Statistik (KOMGRP); areal: Social- og Indenrigsministeriet (noegletal.dk)";

export const KOMMUNER_EXPORT_COLUMNS: Column<Kommune>[] = [
  { key: "kommunekode", label: "Kommunekode" },
  { key: "navn", label: "Kommune" },
  { key: "regionskode", label: "Regionskode" },
  { key: "regionsnavn", label: "Region" },
  { key: "kommunegruppe", label: "DST-kommunegruppe" },
  { key: "areal_km2", label: "Areal (km²)", decimals: 1 }
];
