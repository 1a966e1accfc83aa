/**
 * "Hvad skiller sig ud": the profile at the top of a municipality page, from the view in
 * common/views/kommune.ts. Per highlight one sentence, links to its row in the full table
 * and to the figure's page, and a small dot chart drawn as plain SVG (no Plot: the page
 * stays light): the other group members as grey dots, the country as a dashed tick, the
 * municipality as a large blue dot. The chart's text alternative is its aria-label and the
 * visible sentence beside it.
 */
import { PROFILE_METHOD } from "../../common/kommune/texts.js";
import type { ProfileChart, ProfileView } from "../../common/views/kommune.js";
import { el } from "./dom.js";
import { openTarget } from "./page.js";

const NS = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A dot strip: group members, the country reference and the municipality on one horizontal scale. */
export function dotStrip(c: ProfileChart, { width = 150, height = 22 } = {}): SVGSVGElement {
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "kt-dotstrip", role: "img" });
  root.setAttribute("aria-label", c.alt);
  const pad = 6;
  const span = c.hi - c.lo || Math.abs(c.hi) || 1;
  const x = (v: number) => (pad + ((v - c.lo) / span) * (width - 2 * pad)).toFixed(1);
  const mid = height / 2;
  root.append(svg("line", { x1: pad, x2: width - pad, y1: mid, y2: mid, stroke: "#bbb", "stroke-width": 1 }));
  for (const v of c.gruppe)
    root.append(svg("circle", { cx: x(v), cy: mid, r: 3, fill: "#8a8a8a", "fill-opacity": 0.7 }));
  root.append(
    svg("line", {
      x1: x(c.land),
      x2: x(c.land),
      y1: 2,
      y2: height - 2,
      stroke: "#000",
      "stroke-width": 1.2,
      "stroke-dasharray": "2,2",
      class: "kt-dotstrip-land"
    })
  );
  root.append(
    svg("circle", {
      cx: x(c.kommune),
      cy: mid,
      r: 5,
      fill: "var(--kt-accent, #1f5f8b)",
      stroke: "#fff",
      "stroke-width": 1,
      class: "kt-dotstrip-kommune"
    })
  );
  return root;
}

export function profileSection(view: ProfileView): HTMLElement {
  const follow = (e: Event) => {
    const href = (e.currentTarget as HTMLAnchorElement).getAttribute("href") ?? "";
    // the target row may sit in a closed area: open it (also when the hash is already the same)
    if (window.location.hash === href) {
      e.preventDefault();
      openTarget(href);
    }
  };
  return el(
    "section",
    { class: "kt-profile", "aria-labelledby": "kt-profile-heading" },
    el("h2", { id: "kt-profile-heading" }, "Hvad skiller sig ud"),
    view.tom ? el("p", {}, view.tom) : null,
    el(
      "div",
      { class: "kt-profile-areas" },
      view.omraader.map((a) =>
        el(
          "div",
          { class: "kt-profile-area", "data-omraade": a.id },
          el("h3", {}, a.navn),
          el(
            "ul",
            {},
            a.punkter.map((p) => {
              const toTable = el("a", { href: p.tabelHref, class: "kt-profile-row" }, "i tabellen");
              toTable.addEventListener("click", follow);
              return el(
                "li",
                { "data-profil": p.id },
                dotStrip(p.chart),
                el(
                  "span",
                  { class: "kt-profile-text" },
                  el("span", { "data-saetning": "" }, p.saetning),
                  " ",
                  el(
                    "span",
                    { class: "kt-small kt-noprint" },
                    "(",
                    toTable,
                    " · ",
                    el("a", { href: p.figurHref }, "nøgletallet"),
                    ")"
                  )
                )
              );
            })
          )
        )
      )
    ),
    el(
      "p",
      { class: "kt-small kt-muted kt-profile-legend" },
      "Prikkerne: grå = de andre kommuner i sammenligningsgruppen, blå = kommunen, stiplet streg = hele landet. ",
      PROFILE_METHOD
    )
  );
}
