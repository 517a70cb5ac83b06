// Article reader: the cleaned text with entities and event triggers highlighted (hover: English
// name and code), the article's events, and the boilerplate cleaning removed (on request).
import { actorText, bilingual, el, getJSON, quadLabel, status, TYPES, typeLabel } from "./common.js";

const docId = decodeURIComponent(window.location.pathname.split("/").pop());
const wanted = new URLSearchParams(window.location.search).get("event");
const tooltip = document.getElementById("tooltip");

function describe(span) {
  if (span.layer === "trigger") {
    return `${span.label} ${TYPES[span.label] || ""} — trigger «${span.text}» (event ${span.event_id})`;
  }
  const what = { actor: "actor", location: "place", mention: "entity" }[span.layer];
  const code = [span.code, span.sector].filter(Boolean).join(" ");
  return `${span.name || span.text}${code ? ` [${code}]` : ""} — ${what}${span.label ? ` ${span.label}` : ""}`;
}

function segment(seg, spans) {
  if (seg.s.length === 0) return document.createTextNode(seg.t);
  const covering = seg.s.map((i) => spans[i]);
  const layers = new Set(covering.map((s) => s.layer));
  const triggers = covering.filter((s) => s.layer === "trigger");
  const info = covering.map(describe).join("\n");
  return el("span", {
    class: ["hl", ...layers].join(" ") + (triggers.some((s) => s.event_id === wanted) ? " selected" : ""),
    "data-info": info, "data-events": triggers.map((s) => s.event_id).join(" ") || null,
    "aria-label": info,
  }, seg.t);
}

function eventItem(e) {
  const who = (list) => list.map((a) => `${a.name || a.entity_text} (${actorText(a.code, a.sector)})`).join(", ") || "—";
  return el("li", { id: `event-${e.id}`, class: e.id === wanted ? "selected" : null, "data-event": e.id },
    el("div", {}, typeLabel(e.event), " ", quadLabel(e.quad_class),
      e.negated ? el("em", {}, " negated · منفي") : null, e.hypothetical ? el("em", {}, " hypothetical · افتراضي") : null),
    el("div", { class: "who" }, bilingual("actor", "الفاعل"), ": ", who(e.actor)),
    el("div", { class: "who" }, bilingual("recipient", "المتلقي"), ": ", who(e.recipient)),
    e.event_loc ? el("div", { class: "who" }, bilingual("place", "المكان"), `: ${e.event_loc.name || e.event_loc.text}`) : null,
    el("div", { class: "trigger-word", dir: "rtl", lang: "ar" }, `«${e.event_text || ""}»`));
}

function highlight(eventId) {
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  document.querySelectorAll(`[data-event="${eventId}"]`).forEach((n) => n.classList.add("selected"));
  document.querySelectorAll(".hl.trigger").forEach((n) => {
    if ((n.dataset.events || "").split(" ").includes(eventId)) n.classList.add("selected");
  });
}

function showTooltip(ev) {
  const target = ev.target.closest(".hl[data-info]");
  if (!target) { tooltip.hidden = true; return; }
  tooltip.textContent = target.dataset.info;
  tooltip.hidden = false;
  const box = target.getBoundingClientRect();
  tooltip.style.left = `${Math.max(4, box.left + window.scrollX)}px`;
  tooltip.style.top = `${box.bottom + window.scrollY + 4}px`;
}

async function showRemoved() {
  const list = document.getElementById("removed");
  if (!list.hidden) { list.hidden = true; return; }
  const doc = await getJSON(`/api/articles/${encodeURIComponent(docId)}`, { boilerplate: true });
  list.replaceChildren(...(doc.removed || []).map((line) => el("li", {}, line)));
  if (!doc.removed.length) list.append(el("li", { dir: "ltr", lang: "en" }, "nothing was removed · لم يُحذف شيء"));
  list.hidden = false;
}

async function main() {
  let doc;
  try {
    doc = await getJSON(`/api/articles/${encodeURIComponent(docId)}`);
  } catch (err) {
    status(`Error · خطأ: ${err.message}`, "error");
    return;
  }
  document.getElementById("title").textContent = doc.title || doc.doc_id;
  document.getElementById("meta").replaceChildren(
    ...[doc.outlet, doc.author, doc.date || "date unknown · تاريخ غير معروف", doc.country, `id ${doc.doc_id}`]
      .filter(Boolean).map((v) => el("span", { dir: "auto" }, v)),
    ...(doc.url ? [el("a", { href: doc.url, rel: "noreferrer" }, "source")] : []));
  document.getElementById("text").replaceChildren(
    ...doc.paragraphs.map((p) => el("p", {}, p.map((seg) => segment(seg, doc.spans)))));
  document.getElementById("event-list").replaceChildren(...doc.events.map(eventItem));
  document.getElementById("removed-count").textContent = doc.removed_count;
  document.getElementById("article").hidden = false;
  status("");
  const text = document.getElementById("text");
  text.addEventListener("mouseover", showTooltip);
  text.addEventListener("mouseleave", () => { tooltip.hidden = true; });
  document.getElementById("event-list").addEventListener("click", (ev) => {
    const item = ev.target.closest("li[data-event]");
    if (item) { highlight(item.dataset.event); document.querySelector(".hl.trigger.selected")?.scrollIntoView({ block: "center" }); }
  });
  document.getElementById("show-removed").addEventListener("click", () => showRemoved().catch(
    (err) => status(`Error · خطأ: ${err.message}`, "error")));
  if (wanted) {
    highlight(wanted);
    document.querySelector(".hl.trigger.selected")?.scrollIntoView({ block: "center" });
  }
}

main();
