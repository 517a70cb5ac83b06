// Actor network: nodes are actor codes, arrows go from actor to recipient; width = events,
// colour = cooperation (quad classes 1-2) or conflict (3-4).  Click an edge for its events.
import { bilingual, chartsReady, getJSON, quadOptions, startFilterPage, status } from "./common.js";

const form = document.getElementById("filters");
const TONE = { cooperation: "#238b45", conflict: "#cb181d", mixed: "#8c6bb1" };

function draw(data) {
  const d3 = window.d3;
  const width = Math.max(640, document.getElementById("chart").clientWidth || 900);
  const height = 560;
  const nodes = data.nodes.map((n) => ({ ...n }));
  const links = data.edges.map((e) => ({ ...e }));
  const radius = d3.scaleSqrt([1, d3.max(nodes, (n) => n.events) || 1], [6, 26]);
  const width_ = d3.scaleSqrt([1, d3.max(links, (l) => l.weight) || 1], [1.5, 9]);
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "actor network · شبكة الفاعلين");
  svg.append("defs").selectAll("marker").data(Object.keys(TONE)).join("marker")
    .attr("id", (t) => `arrow-${t}`).attr("viewBox", "0 -5 10 10").attr("refX", 10).attr("markerUnits", "userSpaceOnUse")
    .attr("markerWidth", 12).attr("markerHeight", 12).attr("orient", "auto").append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", (t) => TONE[t]);
  const link = svg.append("g").attr("fill", "none").selectAll("path").data(links).join("path")
    .attr("class", (l) => `edge ${l.tone}`).attr("stroke", (l) => TONE[l.tone]).attr("stroke-opacity", 0.75)
    .attr("stroke-width", (l) => width_(l.weight)).attr("marker-end", (l) => `url(#arrow-${l.tone})`)
    .style("cursor", "pointer")
    .on("click", (_, l) => { window.location.href = `/events?actor=${l.source.id}&recipient=${l.target.id}`; });
  link.append("title").text((l) => `${l.source} → ${l.target}: ${l.weight} events · أحداث` +
    ` (cooperation · تعاون ${l.cooperation}, conflict · نزاع ${l.conflict})`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .call(d3.drag().on("start", (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
      .on("drag", (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
      .on("end", (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
  node.append("circle").attr("r", (n) => radius(n.events)).attr("fill", "#e8eef7").attr("stroke", "#33507a");
  node.append("text").attr("text-anchor", "middle").attr("dy", "0.35em").attr("class", "code").text((n) => n.id);
  node.append("text").attr("text-anchor", "middle").attr("dy", (n) => radius(n.events) + 13).attr("class", "name")
    .text((n) => [n.en !== n.id ? n.en : "", n.ar || ""].filter(Boolean).join(" · "));
  node.append("title").text((n) => `${n.id} ${n.en || ""} ${n.ar || ""}: ${n.events} events · أحداث`);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance(150))
    .force("charge", d3.forceManyBody().strength(-500))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide((n) => radius(n.events) + 20))
    .force("x", d3.forceX(width / 2).strength(0.05)).force("y", d3.forceY(height / 2).strength(0.08));
  const clampX = (v) => Math.max(40, Math.min(width - 40, v));
  const clampY = (v) => Math.max(30, Math.min(height - 30, v));
  sim.on("tick", () => {
    for (const n of nodes) { n.x = clampX(n.x); n.y = clampY(n.y); }
    link.attr("d", (l) => {
      const s = l.source, t = l.target;
      if (s === t) {
        const r = radius(s.events);
        return `M${s.x},${s.y - r}C${s.x - 45},${s.y - r - 50} ${s.x + 45},${s.y - r - 50} ${s.x + 3},${s.y - r}`;
      }
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.hypot(dx, dy) || 1, rt = radius(t.events) + 3;
      return `M${s.x},${s.y}L${t.x - (dx / d) * rt},${t.y - (dy / d) * rt}`;
    });
    node.attr("transform", (n) => `translate(${n.x},${n.y})`);
  });
  document.getElementById("chart").replaceChildren(svg.node());
}

quadOptions(form.elements.quad_class);
startFilterPage(form, ["d3"], async (values) => {
  const data = await getJSON("/api/network", values);
  draw(data);
  const weight = data.edges.reduce((a, e) => a + e.weight, 0);
  if (data.edges.length) {
    status([`${data.nodes.length} actors, ${data.edges.length} links, ${weight} events · `,
      ...bilingual("", `${data.nodes.length} فاعلاً و${data.edges.length} صلة`)]);
  } else status(bilingual("No events with both an actor and a recipient", "لا أحداث لها فاعل ومتلقٍّ"), "empty");
});
