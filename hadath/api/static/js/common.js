// Shared helpers of the dashboard pages: labels in English and Arabic, fetching, filters in the URL.
// Labels: own wording (PLOVER type names translated by the Hadath team).

export const TYPES = {
  AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون",
  AID: "مساعدة", RETREAT: "تراجع", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض",
  THREATEN: "تهديد", SANCTION: "عقوبات", PROTEST: "احتجاج", MOBILIZE: "تعبئة", COERCE: "إكراه",
  ASSAULT: "اعتداء",
};

export const QUADS = {
  1: { en: "Verbal cooperation", ar: "تعاون لفظي", color: "#74c476" },
  2: { en: "Material cooperation", ar: "تعاون مادي", color: "#238b45" },
  3: { en: "Verbal conflict", ar: "نزاع لفظي", color: "#fd8d3c" },
  4: { en: "Material conflict", ar: "نزاع مادي", color: "#cb181d" },
};

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** "English · عربي" as two spans with their language and direction. */
export function bilingual(en, ar) {
  const out = [el("span", { lang: "en" }, en)];
  if (ar) out.push(" ", el("span", { lang: "ar", dir: "rtl" }, ar));
  return out;
}

export function typeLabel(type) {
  return bilingual(type, TYPES[type]);
}

export function quadLabel(quad) {
  const q = QUADS[quad];
  return q ? el("span", { class: `quad q${quad}` }, bilingual(q.en, q.ar)) : "";
}

/** GET a JSON endpoint; throws an Error with the API's message on a 4xx/5xx. */
export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = (body.detail || []).map((d) => `${d.param}: ${d.error}`).join("; ");
    throw new Error(`${body.error || response.statusText}${detail ? ` (${detail})` : ""}`);
  }
  return body;
}

/** Show a message in the page's #status line (kind: "", "error" or "empty"). */
export function status(message, kind = "") {
  const node = document.getElementById("status");
  if (!node) return;
  node.replaceChildren(...(Array.isArray(message) ? message : [message]));
  node.className = `status ${kind}`;
}

/** Values of a form's named fields, without the empty ones. */
export function formValues(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (String(value).trim() !== "") out[key] = String(value).trim();
  }
  return out;
}

/** Fill a form from the page URL's query string. */
export function fillForm(form, params = new URLSearchParams(window.location.search)) {
  for (const [key, value] of params.entries()) {
    const field = form.elements.namedItem(key);
    if (!field || !("value" in field)) continue;
    if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
      field.append(el("option", { value }, value));  // a value with no events yet keeps its filter
    }
    field.value = value;
  }
}

/** Put ``values`` in the page URL (so that a filtered view can be shared). */
export function setQuery(values) {
  const url = new URL(window.location.href);
  url.search = new URLSearchParams(values).toString();
  window.history.replaceState(null, "", url);
}

/** Add the quad-class options to a <select>. */
export function quadOptions(select) {
  for (const [quad, q] of Object.entries(QUADS)) {
    select.append(el("option", { value: quad }, `${quad} · ${q.en} · ${q.ar}`));
  }
}

/** True when the chart libraries were loaded; otherwise says so on the page. */
export function chartsReady(...names) {
  const missing = names.filter((name) => !(name in window));
  if (missing.length === 0) return true;
  if (!document.getElementById("vendor-missing")) {
    status(bilingual(`Chart libraries missing (${missing.join(", ")}): run python -m hadath.api.build_web`,
      "مكتبات الرسوم غير موجودة"), "error");
  }
  return false;
}

/** Wire a chart page: fill ``form`` from the URL, reload on submit, put the filters in the URL, check
 *  the chart libraries ``libs``, and show any error of ``render(values)`` in #status.  Returns the
 *  reload function (for extra controls). */
export function startFilterPage(form, libs, render) {
  async function load() {
    const values = formValues(form);
    setQuery(values);
    if (!chartsReady(...libs)) return;
    try {
      await render(values);
    } catch (err) {
      status(`Error · خطأ: ${err.message}`, "error");
    }
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  fillForm(form);
  load();
  return load;
}

export function actorText(code, sector) {
  return [code, sector].filter(Boolean).join(" ") || "—";
}
