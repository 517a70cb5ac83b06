// Map: countries shaded by the number of events placed there, dots for located places.
// Geometry: world-atlas countries-110m TopoJSON, built into /static/vendor (no tiles, no network).
import { bilingual, chartsReady, el, getJSON, quadOptions, startFilterPage, status } from "./common.js";

const form = document.getElementById("filters");
let world = null;

async function geometry() {
  if (!world) {
    const response = await fetch("/static/vendor/countries-110m.json");
    if (!response.ok) throw new Error("countries-110m.json missing: run python -m hadath.api.build_web");
    const topo = await response.json();
    world = window.topojson.feature(topo, topo.objects.countries);
  }
  return world;
}

function draw(countries, data) {
  const d3 = window.d3;
  const width = Math.max(640, document.getElementById("chart").clientWidth || 900);
  const height = Math.round(width * 0.52);
  const byId = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  const max = d3.max(data.countries, (c) => c.events) || 1;
  const shade = d3.scaleSequentialLog([1, Math.max(2, max)], (t) => d3.interpolateOrRd(0.25 + 0.75 * t));
  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "map of event places · خريطة أماكن الأحداث");
  svg.append("path").attr("d", path({ type: "Sphere" })).attr("fill", "#eef4fa").attr("stroke", "#bcd");
  svg.append("g").selectAll("path").data(countries.features).join("path")
    .attr("d", path).attr("class", (f) => (byId.has(f.id) ? "country has-events" : "country"))
    .attr("data-iso", (f) => byId.get(f.id)?.code || null)
    .attr("fill", (f) => (byId.has(f.id) ? shade(byId.get(f.id).events) : "#f7f7f4"))
    .attr("stroke", "#9aa").attr("stroke-width", 0.4)
    .style("cursor", (f) => (byId.has(f.id) ? "pointer" : null))
    .on("click", (_, f) => { const c = byId.get(f.id); if (c) window.location.href = `/events?country=${c.code}`; })
    .append("title").text((f) => { const c = byId.get(f.id);
      return c ? `${c.en} · ${c.ar || ""} (${c.code}): ${c.events} events · أحداث` : f.properties.name; });
  const r = d3.scaleSqrt([1, d3.max(data.places, (p) => p.events) || 1], [3, 14]);
  svg.append("g").selectAll("circle").data(data.places).join("circle")
    .attr("class", "place").attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
    .attr("r", (p) => r(p.events)).attr("fill", "#08519c").attr("fill-opacity", 0.7).attr("stroke", "white")
    .append("title").text((p) => `${p.name} · ${p.text || ""} (${p.country}): ${p.events} events · أحداث`);
  document.getElementById("chart").replaceChildren(svg.node());
}

quadOptions(form.elements.quad_class);
startFilterPage(form, ["d3", "topojson"], async (values) => {
  const [countries, data] = await Promise.all([geometry(), getJSON("/api/map", values)]);
  draw(countries, data);
  document.querySelector("#countries tbody").replaceChildren(...data.countries.map((c) => el("tr", {},
    el("td", {}, el("a", { href: `/events?country=${c.code}` }, bilingual(`${c.en} (${c.code})`, c.ar))),
    el("td", { class: "num" }, c.events))));
  const total = data.countries.reduce((a, c) => a + c.events, 0);
  if (total) {
    status([`${total} located events in ${data.countries.length} countries, ${data.places.length} places · `,
      el("span", { lang: "ar", dir: "rtl" }, `${total} حدثاً محدد المكان في ${data.countries.length} دول`)]);
  } else status(bilingual("No located events match these filters", "لا أحداث محددة المكان"), "empty");
});
