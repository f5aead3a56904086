// dyad dashboard: plain JavaScript over the JSON API, charts drawn as SVG by hand.
// Everything read from the store is put into the page as text nodes, never as HTML.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = [
  { key: "verbal_cooperation", label: "verbal cooperation", color: "#6baed6" },
  { key: "material_cooperation", label: "material cooperation", color: "#2166ac" },
  { key: "verbal_conflict", label: "verbal conflict", color: "#f4a442" },
  { key: "material_conflict", label: "material conflict", color: "#c0282d" },
];
// SVG presentation attributes take colours, not CSS variables.
const BLUE = QUADS[1].color, RED = QUADS[3].color;
const PAGE = 50;
const SVG = "http://www.w3.org/2000/svg";

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== "" && v !== null && v !== undefined && v !== false) qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

function actorLabel(a) {
  if (!a) return "—";
  const name = a.name || a.text || "";
  return a.code ? `${a.code} ${name && name !== a.code ? "· " + name : ""}`.trim() : name;
}

function quadClass(q) { return `q${q || 1}`; }

function fmtNumber(v) {
  if (v === null || v === undefined) return "";
  const abs = Math.abs(v);
  if (abs >= 1e9) return (v / 1e9).toFixed(abs >= 1e10 ? 0 : 1) + " bn";
  if (abs >= 1e6) return (v / 1e6).toFixed(abs >= 1e7 ? 0 : 1) + " m";
  return v.toLocaleString("en");
}

function showError(target, err) {
  target.textContent = "";
  target.append(el("span", { class: "error" }, String(err.message || err)));
}

// Offsets in the records are Unicode code points; JavaScript strings count UTF-16 units.
function codePoints(s) { return Array.from(s); }

// ---------- tooltip ----------

const tooltip = document.getElementById("tooltip");
function tip(node, text) {
  node.addEventListener("mousemove", (e) => {
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.style.left = `${e.clientX + 12}px`;
    tooltip.style.top = `${e.clientY + 12}px`;
  });
  node.addEventListener("mouseleave", () => { tooltip.hidden = true; });
}

// ---------- routing ----------

function route() {
  const hash = location.hash.slice(1) || "events";
  const [view, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const name = ["events", "dyad", "network", "map", "documents"].includes(view) ? view : "events";
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== `view-${name}`;
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === name);
  tooltip.hidden = true;
  if (name === "events") eventsView.show(params);
  if (name === "dyad") dyadView.show(params);
  if (name === "network") networkView.show();
  if (name === "map") mapView.show();
  if (name === "documents") documentsView.show(params);
}

// ---------- summary ----------

async function loadSummary() {
  const target = document.getElementById("summary");
  try {
    const s = await api("/api/summary");
    const c = s.counts;
    target.textContent = `${c.documents.toLocaleString("en")} documents · ${c.events.toLocaleString("en")} events · ` +
      `${c.facts.toLocaleString("en")} facts` + (s.first ? ` · ${s.first} to ${s.last}` : "");
  } catch (e) {
    showError(target, e);
  }
}

// ---------- events ----------

const eventsView = (() => {
  const form = document.getElementById("event-filters");
  const tbody = document.querySelector("#events-table tbody");
  const status = document.getElementById("events-status");
  const info = document.getElementById("page-info");
  const prev = document.getElementById("prev-page");
  const next = document.getElementById("next-page");
  const fields = ["actor", "dyad", "type", "from", "to", "text"];
  const typeSelect = document.getElementById("f-type");
  for (const t of TYPES) typeSelect.append(el("option", { value: t }, t));
  let offset = 0;
  let current = new URLSearchParams();
  let selected = null;

  function params() {
    const p = {};
    for (const f of fields) p[f] = current.get(f) || "";
    p.flagged = current.get("flagged") === "true";
    return p;
  }

  function fillForm() {
    for (const f of fields) document.getElementById(`f-${f}`).value = current.get(f) || "";
    document.getElementById("f-flagged").checked = current.get("flagged") === "true";
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const f of fields) {
      const v = document.getElementById(`f-${f}`).value.trim();
      if (v) p.set(f, v);
    }
    if (document.getElementById("f-flagged").checked) p.set("flagged", "true");
    const q = p.toString();
    location.hash = q ? `events?${q}` : "events";
  });
  document.getElementById("f-clear").addEventListener("click", () => { location.hash = "events"; });
  prev.addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
  next.addEventListener("click", () => { offset += PAGE; load(); });

  async function load() {
    status.textContent = "loading…";
    try {
      const res = await api("/api/events", { ...params(), limit: PAGE, offset });
      render(res);
    } catch (e) {
      tbody.textContent = "";
      showError(status, e);
    }
  }

  function render(res) {
    tbody.textContent = "";
    for (const ev of res.items) {
      const flags = [];
      if (ev.negated) flags.push(el("span", { class: "flag" }, "denied"));
      if (ev.hypothetical) flags.push(el("span", { class: "flag" }, "possible"));
      const row = el("tr", { class: "clickable event-row", "data-id": ev.id, tabindex: "0" },
        el("td", { class: "date" }, ev.date || "", ev.date_last && ev.date_last !== ev.date ? ` – ${ev.date_last}` : ""),
        el("td", {}, el("span", { class: `type ${quadClass(ev.quad)}` }, ev.type), flags),
        el("td", {}, actorLabel(ev.source)),
        el("td", {}, actorLabel(ev.target)),
        el("td", {}, ev.cameo || ""),
        el("td", { class: "num" }, ev.goldstein ?? ""),
        el("td", { class: "num" }, ev.num_reports),
        el("td", { class: "evidence" }, ev.evidence.text));
      row.addEventListener("click", () => open(ev.id, row));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(ev.id, row); });
      if (ev.id === selected) row.classList.add("selected");
      tbody.append(row);
    }
    const last = res.offset + res.items.length;
    status.textContent = res.total === 0 ? "No events match these filters." : "";
    info.textContent = res.total ? `${res.offset + 1}–${last} of ${res.total.toLocaleString("en")}` : "";
    prev.disabled = res.offset === 0;
    next.disabled = last >= res.total;
    document.body.dataset.eventsLoaded = String(Date.now());
  }

  function open(id, row) {
    selected = id;
    for (const r of tbody.querySelectorAll("tr.selected")) r.classList.remove("selected");
    if (row) row.classList.add("selected");
    docPanel.openEvent(id);
  }

  return {
    show(p) {
      const changed = p.toString() !== current.toString();
      current = p;
      if (changed) offset = 0;
      fillForm();
      load();
    },
  };
})();

// ---------- the document panel ----------

const docPanel = (() => {
  const panel = document.getElementById("doc-panel");
  const content = document.getElementById("doc-content");
  document.getElementById("doc-close").addEventListener("click", () => { panel.hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") panel.hidden = true; });

  // The body with the evidence of `focus` highlighted and the other events' sentences tinted.
  function highlighted(doc, focus) {
    const cps = codePoints(doc.body);
    const spans = [];
    const seen = new Set();
    for (const ev of doc.events) {
      const key = `${ev.start}:${ev.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ start: ev.start, end: ev.end, focus: false, ev });
    }
    if (focus) spans.push({ start: focus.start, end: focus.end, focus: true });
    // The focused span wins where spans overlap; others are cut back to what is left.
    spans.sort((a, b) => a.start - b.start || (b.focus - a.focus));
    const out = el("div", { class: "body", id: "doc-body" });
    let pos = 0;
    const focusSpan = spans.find((s) => s.focus);
    for (const s of spans) {
      let { start, end } = s;
      if (!s.focus && focusSpan && start < focusSpan.end && end > focusSpan.start) continue;
      start = Math.max(start, pos);
      if (end <= start) continue;
      if (start > pos) out.append(cps.slice(pos, start).join(""));
      const text = cps.slice(start, end).join("");
      if (s.focus) {
        out.append(el("mark", { class: "evidence", id: "evidence" }, text));
      } else {
        const m = el("mark", { class: "other" }, text);
        tip(m, `${s.ev.type} ${s.ev.source || "?"} → ${s.ev.target || "?"} (${s.ev.rule})`);
        out.append(m);
      }
      pos = end;
    }
    if (pos < cps.length) out.append(cps.slice(pos).join(""));
    return out;
  }

  function docHeader(doc) {
    return [
      el("h2", {}, doc.title || doc.doc),
      el("div", { class: "meta" },
        [doc.date, doc.outlet, doc.dateline].filter(Boolean).join(" · "),
        doc.url ? [" · ", el("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "source")] : null,
        ` · ${doc.doc}`),
    ];
  }

  function factList(doc) {
    if (!(doc.facts || []).length) return null;
    return [el("h3", {}, "Facts in this document"),
      el("ul", {}, doc.facts.map((f) => el("li", {},
        `${f.kind}: ${f.qualifier && f.qualifier !== "exact" ? f.qualifier.replace("_", " ") + " " : ""}` +
        `${fmtNumber(f.value)} ${f.unit || ""}` + ((f.countries || []).length ? ` (${f.countries.join("–")})` : ""))))];
  }

  async function openEvent(id) {
    panel.hidden = false;
    content.textContent = "loading…";
    try {
      const ev = await api(`/api/events/${id}`);
      ev.reports = ev.reports || [];
      const best = ev.reports.find((r) => r.doc === ev.doc) || ev.reports[0];
      const doc = await api(`/api/documents/${encodeURIComponent(best ? best.doc : ev.doc)}`);
      content.textContent = "";
      const card = el("div", { class: "event-card" },
        el("span", { class: `type ${quadClass(ev.quad)}` }, ev.type), " ",
        el("strong", {}, `${actorLabel(ev.source)} → ${actorLabel(ev.target)}`),
        el("dl", {},
          el("dt", {}, "date"), el("dd", {}, ev.date || "unknown", ev.date_last && ev.date_last !== ev.date ? ` to ${ev.date_last}` : ""),
          el("dt", {}, "CAMEO"), el("dd", {}, `${ev.cameo || "—"} · Goldstein ${ev.goldstein ?? "—"}${ev.mode ? " · mode " + ev.mode : ""}`),
          ev.location ? [el("dt", {}, "where"), el("dd", {}, `${ev.location.name} (${ev.location.country})`)] : null,
          ev.count ? [el("dt", {}, "number"), el("dd", {}, ev.count)] : null,
          (ev.topics || []).length ? [el("dt", {}, "topics"), el("dd", {}, ev.topics.join(", "))] : null,
          el("dt", {}, "rule"), el("dd", {}, best ? best.rule : ev.rule),
          el("dt", {}, "reports"), el("dd", {}, `${ev.num_reports} from ${ev.num_sources || 1} source(s)`)));
      content.append(card, ...docHeader(doc), highlighted(doc, best ? best.evidence : ev.evidence));
      const facts = factList(doc);
      if (facts) content.append(...facts);
      if (ev.reports.length > 1) {
        content.append(el("h3", {}, "Other reports of this event"),
          el("ul", { class: "reports" }, ev.reports.filter((r) => r !== best).map((r) =>
            el("li", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); openDocument(r.doc, r.evidence); } },
              r.source || r.doc), ` (${r.date || "undated"}): ${r.evidence.text}`))));
      }
      const mark = document.getElementById("evidence");
      if (mark) mark.scrollIntoView({ block: "center" });
    } catch (e) {
      showError(content, e);
    }
  }

  async function openDocument(docId, focus) {
    panel.hidden = false;
    content.textContent = "loading…";
    try {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
      content.textContent = "";
      content.append(...docHeader(doc), highlighted(doc, focus || null));
      const facts = factList(doc);
      if (facts) content.append(...facts);
      const mark = document.getElementById("evidence");
      if (mark) mark.scrollIntoView({ block: "center" });
    } catch (e) {
      showError(content, e);
    }
  }

  return { openEvent, openDocument };
})();

// ---------- charts ----------

// Stacked bars of events per period by quad class.
function barChart(rows) {
  const W = 900, H = 220, L = 40, B = 40, T = 10;
  const max = Math.max(1, ...rows.map((r) => r.events));
  const bw = (W - L - 10) / Math.max(rows.length, 1);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per period by quad class" });
  for (const f of [0, 0.5, 1]) {
    const y = H - B - f * (H - B - T);
    root.append(svg("line", { x1: L, x2: W - 10, y1: y, y2: y, stroke: "#e5e8ec" }),
      svg("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, Math.round(f * max)));
  }
  rows.forEach((r, i) => {
    let y = H - B;
    const x = L + i * bw + bw * 0.1;
    for (const q of QUADS) {
      const n = r[q.key] || 0;
      if (!n) continue;
      const h = (n / max) * (H - B - T);
      y -= h;
      const rect = svg("rect", { x, y, width: Math.max(bw * 0.8, 1), height: h, fill: q.color, class: "bar" });
      tip(rect, `${r.period}: ${n} ${q.label}`);
      root.append(rect);
    }
    if (rows.length <= 24 || i % Math.ceil(rows.length / 24) === 0) {
      root.append(svg("text", { x: x + bw * 0.4, y: H - B + 14, "text-anchor": "middle" }, r.period));
    }
  });
  return root;
}

// The mean Goldstein score per period as a line around zero.
function goldsteinChart(rows) {
  const W = 900, H = 200, L = 40, B = 30, T = 10;
  const pts = rows.filter((r) => r.goldstein_mean !== null);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Goldstein trend" });
  const y = (g) => T + ((10 - g) / 20) * (H - B - T);
  for (const g of [-10, -5, 0, 5, 10]) {
    root.append(svg("line", { x1: L, x2: W - 10, y1: y(g), y2: y(g), stroke: g === 0 ? "#9aa3ad" : "#eef0f3" }),
      svg("text", { x: L - 6, y: y(g) + 4, "text-anchor": "end" }, g));
  }
  const x = (i) => L + ((i + 0.5) / Math.max(rows.length, 1)) * (W - L - 10);
  const index = new Map(rows.map((r, i) => [r.period, i]));
  const d = pts.map((r, k) => `${k ? "L" : "M"}${x(index.get(r.period)).toFixed(1)},${y(r.goldstein_mean).toFixed(1)}`).join("");
  if (d) root.append(svg("path", { d, fill: "none", stroke: BLUE, "stroke-width": 2 }));
  for (const r of pts) {
    const c = svg("circle", { cx: x(index.get(r.period)), cy: y(r.goldstein_mean), r: 3.5,
      fill: r.goldstein_mean >= 0 ? BLUE : RED });
    tip(c, `${r.period}: mean ${r.goldstein_mean} over ${r.events} events`);
    root.append(c);
  }
  return root;
}

// Each kind of figure over time: one row of dots per kind, sized by value within the kind.
function figureChart(facts) {
  const kinds = [...new Set(facts.map((f) => `${f.kind} (${f.unit})`))];
  const dated = facts.filter((f) => f.date);
  if (!kinds.length || !dated.length) return null;
  const times = dated.map((f) => Date.parse(f.date));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const W = 900, rowH = 34, L = 170, H = kinds.length * rowH + 24;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "figures over time" });
  const x = (t) => L + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (W - L - 20);
  kinds.forEach((k, i) => {
    const yy = 12 + i * rowH + rowH / 2;
    root.append(svg("text", { x: 4, y: yy + 4 }, k), svg("line", { x1: L, x2: W - 20, y1: yy, y2: yy, stroke: "#eef0f3" }));
    const mine = dated.filter((f) => `${f.kind} (${f.unit})` === k);
    const vmax = Math.max(...mine.map((f) => Math.abs(f.value)), 1);
    for (const f of mine) {
      const c = svg("circle", { cx: x(Date.parse(f.date)), cy: yy, r: 3 + 9 * Math.sqrt(Math.abs(f.value) / vmax),
        fill: BLUE, "fill-opacity": 0.6 });
      tip(c, `${f.date}: ${f.kind} ${fmtNumber(f.value)} ${f.unit}`);
      root.append(c);
    }
  });
  root.append(svg("text", { x: L, y: H - 2 }, new Date(t0).toISOString().slice(0, 10)),
    svg("text", { x: W - 20, y: H - 2, "text-anchor": "end" }, new Date(t1).toISOString().slice(0, 10)));
  return root;
}

// ---------- the dyad view ----------

const dyadView = (() => {
  const form = document.getElementById("dyad-form");
  const status = document.getElementById("dyad-status");
  const content = document.getElementById("dyad-content");
  const legend = document.getElementById("quad-legend");
  for (const q of QUADS) {
    // The page's policy forbids inline style attributes; CSSOM properties are allowed.
    const item = el("span", {}, q.label);
    item.style.setProperty("--c", q.color);
    legend.append(item);
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const a = document.getElementById("d-a").value.trim().toUpperCase();
    const b = document.getElementById("d-b").value.trim().toUpperCase();
    const by = document.getElementById("d-by").value;
    location.hash = `dyad?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&by=${by}`;
  });

  async function show(p) {
    const a = (p.get("a") || "").toUpperCase();
    const b = (p.get("b") || "").toUpperCase();
    const by = p.get("by") || "month";
    document.getElementById("d-a").value = a;
    document.getElementById("d-b").value = b;
    document.getElementById("d-by").value = by;
    if (!a || !b) { content.hidden = true; return; }
    status.textContent = "loading…";
    try {
      const dyad = `${a},${b}`;
      const [series, agreements, facts] = await Promise.all([
        api("/api/series", { dyad, by }),
        api("/api/agreements", { dyad }),
        api("/api/facts", { dyad, limit: 500 }),
      ]);
      const total = series.items.reduce((n, r) => n + r.events, 0);
      status.textContent = total ? "" : `No events between ${a} and ${b}.`;
      content.hidden = false;
      document.getElementById("dyad-title").textContent = `${a} ↔ ${b}: ${total} events`;
      const bars = document.getElementById("dyad-bars");
      bars.textContent = "";
      bars.append(barChart(series.items));
      const gold = document.getElementById("dyad-goldstein");
      gold.textContent = "";
      gold.append(goldsteinChart(series.items));
      const ab = document.querySelector("#dyad-agreements tbody");
      ab.textContent = "";
      for (const r of agreements.items) {
        ab.append(el("tr", { class: "clickable", onclick: () => docPanel.openEvent(r.id) },
          el("td", {}, r.date || ""), el("td", {}, `${r.actor1 || "?"} – ${r.actor2 || "?"}`),
          el("td", { class: "num" }, r.count ?? ""), el("td", {}, (r.topics || []).join(", ")),
          el("td", { class: "evidence" }, r.evidence)));
      }
      if (!agreements.items.length) ab.append(el("tr", {}, el("td", { colspan: 5, class: "muted" }, "none reported")));
      const fchart = document.getElementById("dyad-figures-chart");
      fchart.textContent = "";
      const chart = figureChart(facts.items);
      fchart.hidden = !chart;
      if (chart) fchart.append(chart);
      const fb = document.querySelector("#dyad-figures tbody");
      fb.textContent = "";
      for (const f of facts.items) {
        fb.append(el("tr", { class: "clickable", onclick: () => docPanel.openDocument(f.doc, { start: f.start, end: f.end }) },
          el("td", {}, f.date || ""), el("td", {}, f.kind),
          el("td", { class: "num" }, `${f.qualifier && f.qualifier !== "exact" ? f.qualifier.replace("_", " ") + " " : ""}${fmtNumber(f.value)} ${f.unit}`),
          el("td", {}, f.from && f.to ? `${f.from} → ${f.to}` : ""), el("td", { class: "evidence" }, f.evidence)));
      }
      if (!facts.items.length) fb.append(el("tr", {}, el("td", { colspan: 5, class: "muted" }, "none reported")));
      document.getElementById("dyad-events-link").href = `#events?dyad=${encodeURIComponent(dyad)}`;
    } catch (e) {
      content.hidden = true;
      showError(status, e);
    }
  }
  return { show };
})();

// ---------- the network ----------

const networkView = (() => {
  const target = document.getElementById("network");
  let drawn = false;

  // A few hundred steps of a spring layout: pairs pull together, every node pushes the others away.
  function layout(nodes, edges, W, H) {
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nodes.length;
      n.x = W / 2 + (W / 3) * Math.cos(a);
      n.y = H / 2 + (H / 3) * Math.sin(a);
    });
    const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.6;
    for (let step = 0; step < 300; step++) {
      const t = 10 * (1 - step / 300) + 0.5;
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d = Math.max(Math.hypot(dx, dy), 1);
          const f = (k * k) / d;
          dx /= d; dy /= d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const e of edges) {
        let dx = e.a.x - e.b.x, dy = e.a.y - e.b.y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        const f = (d * d) / k;
        dx /= d; dy /= d;
        e.a.dx -= dx * f; e.a.dy -= dy * f; e.b.dx += dx * f; e.b.dy += dy * f;
      }
      for (const n of nodes) {
        const d = Math.max(Math.hypot(n.dx, n.dy), 1e-9);
        n.x = Math.min(W - 40, Math.max(40, n.x + (n.dx / d) * Math.min(d, t)));
        n.y = Math.min(H - 30, Math.max(30, n.y + (n.dy / d) * Math.min(d, t)));
      }
    }
  }

  async function show() {
    if (drawn) return;
    target.textContent = "loading…";
    try {
      const res = await api("/api/dyads", { limit: 80 });
      const byCode = new Map();
      const node = (code) => {
        if (!byCode.has(code)) byCode.set(code, { code, events: 0 });
        return byCode.get(code);
      };
      const edges = res.items.map((r) => {
        const a = node(r.actor1), b = node(r.actor2);
        a.events += r.events; b.events += r.events;
        return { a, b, ...r };
      });
      const nodes = [...byCode.values()];
      const W = 1000, H = 640;
      layout(nodes, edges, W, H);
      const emax = Math.max(1, ...edges.map((e) => e.events));
      const nmax = Math.max(1, ...nodes.map((n) => n.events));
      const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "network of actors" });
      for (const e of edges) {
        const coop = e.cooperation / Math.max(e.cooperation + e.conflict, 1);
        const line = svg("line", { x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y,
          stroke: coop >= 0.5 ? BLUE : RED, "stroke-opacity": 0.25 + 0.5 * Math.abs(coop - 0.5) * 2,
          "stroke-width": 1 + 7 * Math.sqrt(e.events / emax), class: "edge" });
        tip(line, `${e.actor1} – ${e.actor2}: ${e.events} events (${e.cooperation} cooperative, ${e.conflict} conflictual)`);
        line.addEventListener("click", () => { location.hash = `dyad?a=${e.actor1}&b=${e.actor2}&by=month`; });
        root.append(line);
      }
      for (const n of nodes) {
        const r = 5 + 20 * Math.sqrt(n.events / nmax);
        const c = svg("circle", { cx: n.x, cy: n.y, r, fill: "#fff", stroke: "#1d232b", "stroke-width": 1.2, class: "node" });
        tip(c, `${n.code}: ${n.events} events with the actors shown`);
        root.append(c, svg("text", { x: n.x, y: n.y + r + 12, "text-anchor": "middle" }, n.code));
      }
      target.textContent = "";
      if (!nodes.length) target.append(el("p", { class: "muted" }, "No pairs of actors in the store yet."));
      else target.append(root);
      drawn = true;
    } catch (e) {
      showError(target, e);
    }
  }
  return { show };
})();

// ---------- the map ----------

const mapView = (() => {
  const target = document.getElementById("map");
  let drawn = false;
  async function show() {
    if (drawn) return;
    target.textContent = "loading…";
    try {
      const [outline, places] = await Promise.all([
        fetch("/assets/world.svg").then((r) => r.text()),
        api("/api/locations", { limit: 2000 }),
      ]);
      const world = new DOMParser().parseFromString(outline, "image/svg+xml").documentElement;
      const root = svg("svg", { viewBox: "0 10 360 150", role: "img", "aria-label": "map of event locations" });
      for (const p of world.querySelectorAll("path")) {
        const path = svg("path", { d: p.getAttribute("d") });
        root.append(path);
      }
      const max = Math.max(1, ...places.items.map((p) => p.events));
      for (const p of places.items) {
        const g = p.goldstein_mean ?? 0;
        const c = svg("circle", { cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 4 * Math.sqrt(p.events / max),
          fill: g >= 0 ? BLUE : RED, class: "place" });
        tip(c, `${p.name} (${p.country}): ${p.events} events, mean Goldstein ${p.goldstein_mean ?? "—"}`);
        c.addEventListener("click", () => { location.hash = `events?country=${p.country}`; });
        root.append(c);
      }
      target.textContent = "";
      target.append(root);
      drawn = true;
    } catch (e) {
      showError(target, e);
    }
  }
  return { show };
})();

// ---------- documents ----------

const documentsView = (() => {
  const form = document.getElementById("doc-search");
  const tbody = document.querySelector("#documents-table tbody");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = document.getElementById("doc-q").value.trim();
    location.hash = q ? `documents?q=${encodeURIComponent(q)}` : "documents";
  });
  async function show(p) {
    const q = p.get("q") || "";
    document.getElementById("doc-q").value = q;
    tbody.textContent = "";
    try {
      const res = await api("/api/documents", { q, limit: 200 });
      for (const d of res.items) {
        tbody.append(el("tr", { class: "clickable", onclick: () => docPanel.openDocument(d.doc) },
          el("td", {}, d.date || ""), el("td", {}, d.title || d.doc), el("td", {}, d.outlet || ""),
          el("td", { class: "num" }, d.events), el("td", { class: "num" }, d.facts)));
      }
    } catch (e) {
      tbody.append(el("tr", {}, el("td", { colspan: 5, class: "error" }, e.message)));
    }
  }
  return { show };
})();

// ---------- actor suggestions ----------

(() => {
  const list = document.getElementById("actor-list");
  let timer = null;
  document.addEventListener("input", (e) => {
    if (e.target.getAttribute("list") !== "actor-list") return;
    const q = e.target.value.trim();
    clearTimeout(timer);
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const res = await api("/api/actors", { q, limit: 15 });
        list.textContent = "";
        for (const a of res.items) list.append(el("option", { value: a.code }, `${a.name || a.code} (${a.events})`));
      } catch (_) { /* suggestions are optional */ }
    }, 200);
  });
})();

window.addEventListener("hashchange", route);
loadSummary();
route();
