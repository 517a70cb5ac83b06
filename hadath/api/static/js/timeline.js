// Timeline: events per day (per month over long spans), stacked by event type or quad class.
import { bilingual, chartsReady, el, getJSON, QUADS, startFilterPage, status, TYPES } from "./common.js";

const form = document.getElementById("filters");
const UNDATED = "undated";

function keyLabel(by, key) {
  return by === "quad_class" ? `${key} ${QUADS[key]?.en || ""} · ${QUADS[key]?.ar || ""}` : `${key} · ${TYPES[key] || ""}`;
}

function colours(by, keys) {
  if (by === "quad_class") return (k) => QUADS[k]?.color || "#999";
  return window.d3.scaleOrdinal(keys, window.d3.schemeTableau10.concat(window.d3.schemeSet3));
}

function draw(data) {
  const d3 = window.d3;
  const buckets = data.buckets.slice();
  const undatedTotal = Object.values(data.undated).reduce((a, b) => a + b, 0);
  if (undatedTotal) buckets.push(UNDATED);
  const rows = buckets.map((b, i) => {
    const row = { bucket: b };
    for (const k of data.keys) row[k] = b === UNDATED ? data.undated[k] || 0 : data.series[k][i];
    return row;
  });
  const width = Math.max(640, document.getElementById("chart").clientWidth || 900);
  const height = 380;
  const m = { top: 16, right: 16, bottom: 70, left: 44 };
  const x = d3.scaleBand(buckets, [m.left, width - m.right]).padding(0.15);
  const stacked = d3.stack().keys(data.keys)(rows);
  const y = d3.scaleLinear([0, d3.max(stacked.at(-1) || [], (d) => d[1]) || 1], [height - m.bottom, m.top]).nice();
  const colour = colours(data.by, data.keys);
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "events per day · الأحداث في اليوم");
  svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", (s) => colour(s.key))
    .attr("data-key", (s) => s.key)
    .selectAll("rect").data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join("rect")
    .attr("x", (d) => x(d.data.bucket)).attr("y", (d) => y(d[1]))
    .attr("height", (d) => Math.max(0, y(d[0]) - y(d[1]))).attr("width", x.bandwidth())
    .attr("class", "bar").attr("opacity", (d) => (d.data.bucket === UNDATED ? 0.55 : 1))
    .append("title").text((d) => `${d.data.bucket}: ${keyLabel(data.by, d.key)} — ${d[1] - d[0]}`);
  const every = Math.ceil(buckets.length / 24);
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).tickValues(buckets.filter((b, i) => i % every === 0 || b === UNDATED))
      .tickFormat((b) => (b === UNDATED ? "undated · بلا تاريخ" : b)))
    .selectAll("text").attr("transform", "rotate(-40)").style("text-anchor", "end");
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6, "d"));
  document.getElementById("chart").replaceChildren(svg.node());
  document.getElementById("legend").replaceChildren(...data.keys.map((k) =>
    el("span", { class: "swatch" }, el("i", { style: `background:${colour(k)}` }), keyLabel(data.by, k))));
}

const load = startFilterPage(form, ["d3"], async (values) => {
  const data = await getJSON("/api/timeline", values);
  draw(data);
  const undated = Object.values(data.undated).reduce((a, b) => a + b, 0);
  status([`${data.total} events per ${data.interval}`, undated ? `, ${undated} without a date` : "", " · ",
    el("span", { lang: "ar", dir: "rtl" }, `${data.total} حدثاً${undated ? `، ${undated} بلا تاريخ` : ""}`)],
  data.total ? "" : "empty");
  if (!data.total) status(bilingual("No events to show", "لا أحداث للعرض"), "empty");
});
form.elements.by.addEventListener("change", load);
