/**
 * The "løbende / faste priser" switch (browser). What it does to the numbers is computed in
 * common/views/priser.ts; this only draws two radio buttons in a fieldset, with "faste priser"
 * disabled and the reason beside it when there is no price index. The element has a `value`
 * ("loebende" | "faste") and fires `input`, so Framework's `view()` reads it.
 */
import { PRICE_MODES, type PriceMode, type PriceSetting } from "../common/views/priser.js";

let counter = 0;

export function priceSwitch(setting: PriceSetting, value: PriceMode = "loebende"): HTMLElement & { value: PriceMode } {
  const name = `kt-priser-${++counter}`;
  const form = document.createElement("form") as unknown as HTMLFormElement & { value: PriceMode };
  form.className = "kt-priser";
  form.dataset.priser = setting.available ? "tilgaengelig" : "utilgaengelig";
  form.addEventListener("submit", (e) => e.preventDefault());
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = "Priser";
  fieldset.append(legend);
  form.value = setting.available ? value : "loebende";
  // the radio's own input event bubbles on to Framework's listener; set the value before it gets there
  form.addEventListener(
    "input",
    (e) => {
      const t = e.target as HTMLInputElement;
      if (t.type === "radio") form.value = t.value as PriceMode;
    },
    { capture: true }
  );
  for (const m of PRICE_MODES) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = m.value;
    input.checked = m.value === form.value;
    input.disabled = m.value === "faste" && !setting.available;
    label.append(input, ` ${m.label}`);
    fieldset.append(label, " ");
  }
  if (!setting.available && setting.reason) {
    const why = document.createElement("span");
    why.className = "kt-small kt-muted";
    why.textContent = ` (faste priser er ikke tilgængelige: se nedenfor)`;
    fieldset.append(why);
  }
  form.append(fieldset);
  return form;
}
