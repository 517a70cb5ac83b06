// Events table: filters (kept in the URL), pages of /api/events, each row linking to its evidence.
import {
  actorText, el, fillForm, formValues, getJSON, quadLabel, quadOptions, setQuery, status, typeLabel,
} from "./common.js";

const PAGE = 50;
const form = document.getElementById("filters");
const body = document.querySelector("#events tbody");
let offset = Number(new URLSearchParams(window.location.search).get("offset") || 0);

function participants(list, code, sector) {
  const names = (list || []).map((a) => `${a.name || a.entity_text} (${actorText(a.code, a.sector)})`);
  return el("td", { class: "code", title: names.join("; ") || null }, actorText(code, sector),
    (list || []).length > 1 ? el("small", {}, ` +${list.length - 1}`) : null);
}

function row(e) {
  const record = e.record || {};
  const href = `/article/${encodeURIComponent(e.doc_id)}?event=${encodeURIComponent(e.id)}`;
  const place = record.event_loc ? `${record.event_loc.name || record.event_loc.text} (${e.loc_country})`
    : (e.loc_country || "—");
  return el("tr", { "data-event": e.id },
    el("td", { class: "date" }, e.date || "?"),
    el("td", {}, typeLabel(e.event), (record.mode || []).length ? el("small", {}, ` ${record.mode.join(", ")}`) : null),
    el("td", {}, quadLabel(e.quad_class)),
    participants(record.actor, e.actor_code, e.actor_sector),
    participants(record.recipient, e.recipient_code, e.recipient_sector),
    el("td", {}, place),
    el("td", { dir: "auto" }, e.outlet || "—"),
    el("td", { class: "evidence", dir: "rtl", lang: "ar" },
      el("a", { href, class: "evidence-link", title: e.title || null }, record.text || e.title || e.id)),
  );
}

async function load() {
  const values = formValues(form);
  setQuery(offset ? { ...values, offset } : values);
  status("…");
  try {
    const page = await getJSON("/api/events", { ...values, limit: PAGE, offset });
    body.replaceChildren(...page.items.map(row));
    const last = Math.min(page.offset + page.items.length, page.total);
    document.getElementById("page-info").textContent = `${page.total ? page.offset + 1 : 0}–${last} / ${page.total}`;
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = last >= page.total;
    status(page.total ? [`${page.total} events · `, el("span", { lang: "ar", dir: "rtl" }, `${page.total} حدثاً`)]
      : ["No events match these filters · ", el("span", { lang: "ar", dir: "rtl" }, "لا أحداث تطابق التصفية")],
    page.total ? "" : "empty");
  } catch (err) {
    body.replaceChildren();
    status(`Error · خطأ: ${err.message}`, "error");
  }
}

async function fillChoices() {
  quadOptions(form.elements.quad_class);
  try {
    const facets = await getJSON("/api/facets");
    for (const t of facets.event_types) {
      form.elements.event.append(el("option", { value: t.value }, `${t.value} · ${t.count}`));
    }
    for (const o of facets.outlets) {
      form.elements.outlet.append(el("option", { value: o.value, dir: "auto" }, `${o.value} · ${o.count}`));
    }
    const codes = document.getElementById("codes");
    for (const c of facets.codes) codes.append(el("option", { value: c.value }, `${c.en || ""} ${c.ar || ""}`));
  } catch (err) {
    status(`Error · خطأ: ${err.message}`, "error");
  }
}

form.addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; load(); });
form.addEventListener("reset", () => setTimeout(() => { offset = 0; load(); }, 0));
document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
document.getElementById("next").addEventListener("click", () => { offset += PAGE; load(); });

await fillChoices();
fillForm(form);
load();
