import { expect, test } from "vitest";
import {
  formatDate,
  formatMonthCode,
  formatNumber,
  formatPercent,
  formatShare,
  formatValue,
  monthCodeToDate,
  tickFormat
} from "../../common/format.js";

test("numbers read the Danish way: . groups thousands, , is the decimal mark", () => {
  expect(formatNumber(1234.5, 1)).toBe("1.234,5");
  expect(formatNumber(5602536)).toBe("5.602.536");
  expect(formatNumber(-1721)).toBe("-1.721");
  expect(formatNumber(4.25)).toBe("4,25");
  expect(formatNumber(0.1234)).toBe("0,123");
  expect(tickFormat(20000)).toBe("20.000");
});

test("missing is a dash, never 0", () => {
  expect(formatNumber(null)).toBe("–");
  expect(formatNumber(undefined)).toBe("–");
  expect(formatNumber(NaN)).toBe("–");
});

test("percent with a space before %, as Danish style writes it", () => {
  expect(formatPercent(12.34)).toBe("12,3 %");
  expect(formatShare(0.5)).toBe("50,0 %");
});

test("Danish month names", () => {
  expect(formatMonthCode("2024M01")).toBe("januar 2024");
  expect(formatMonthCode("2021M10", true)).toBe("okt. 2021");
  expect(formatDate(new Date(2019, 8, 3))).toBe("3. september 2019");
  expect(monthCodeToDate("2024M04").toISOString()).toBe("2024-04-01T00:00:00.000Z");
  expect(() => monthCodeToDate("2024-04")).toThrow("ugyldig månedskode: 2024-04");
});

test("a value shows why it is missing", () => {
  expect(formatValue(null, "mangler")).toBe("mangler for året");
  expect(formatValue(null, "udefineret")).toBe("udefineret for året");
  expect(formatValue(null, "ikke_indberettet")).toBe("ikke indberettet");
  expect(formatValue(0, "nul")).toBe("0");
  expect(formatValue(1, "ja")).toBe("ja");
  expect(formatValue(623404, "ok", 0)).toBe("623.404");
});
