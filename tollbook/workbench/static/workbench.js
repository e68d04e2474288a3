// Tollbook review workbench: plain JavaScript, no framework, nothing fetched from the network
// but this server's own API. Every save posts the decision with the record file's sha256 as
// the page read it; the server refuses the save when the file changed meanwhile.
"use strict";

const TOKEN = window.TOLLBOOK_TOKEN;
const FIGURES = ["casualties", "airstrikes", "control_changes", "force_sizes"];
const FIGURE_ID = { casualties: "casualty_id", airstrikes: "airstrike_id", control_changes: "change_id", force_sizes: "force_id" };
const FIGURE_PREFIX = { casualties: "cas", airstrikes: "air", control_changes: "chg", force_sizes: "frc" };
const state = { choices: null, queue: [], doc: null, index: 0, pendingNew: {}, selection: null, problems: [] };
const $ = (sel) => document.querySelector(sel);

async function api(path, body) {
  const opts = { headers: { "X-Tollbook-Token": TOKEN } };
  if (body !== undefined) {
    opts.method = "POST";
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const res = await fetch(path, opts);
  let data = {};
  try { data = await res.json(); } catch (e) { data = { error: `${res.status} ${res.statusText}` }; }
  if (!res.ok && !data.error) data.error = `${res.status} ${res.statusText}`;
  data.status = res.status;
  return data;
}

function say(text, kind) {
  const m = $("#message");
  m.textContent = text || "";
  m.className = kind || "";
}

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

// ---- who decides ------------------------------------------------------------------------
function curator() { return localStorage.getItem("tollbook-curator") || ""; }

function askName() {
  return new Promise((resolve) => {
    if (curator()) { resolve(curator()); return; }
    const dlg = $("#who");
    $("#who-form").addEventListener("submit", () => {
      const name = $("#who-name").value.trim();
      if (name) localStorage.setItem("tollbook-curator", name);
      resolve(curator());
    }, { once: true });
    dlg.showModal();
  });
}

// ---- queue and progress -------------------------------------------------------------------
async function loadQueue() {
  const data = await api("api/queue");
  state.queue = data.documents || [];
  const p = data.progress || { decided: 0, total: 0, by_curator: {} };
  const per = Object.entries(p.by_curator).map(([k, v]) => `${k} ${v}`).join(", ");
  $("#progress").textContent = `decided ${p.decided} / ${p.total}` + (per ? ` (${per})` : "");
  const list = $("#documents");
  list.replaceChildren(...state.queue.map((d) => el("li", {
    "data-stem": d.stem, class: state.doc && state.doc.stem === d.stem ? "current" : "",
    onclick: () => openDoc(d.stem),
  }, d.stem, " ", el("small", {}, `${d.undecided} undecided of ${d.claims}`))));
  if (!state.queue.length) list.replaceChildren(el("li", {}, "nothing left to decide"));
}

// ---- a document ---------------------------------------------------------------------------
async function openDoc(stem, keepIndex) {
  const data = await api(`api/doc/${encodeURIComponent(stem)}`);
  if (data.error) { say(data.error, "error"); return; }
  setDoc(data, keepIndex);
  for (const li of document.querySelectorAll("#documents li")) li.classList.toggle("current", li.dataset.stem === stem);
}

function setDoc(doc, keepIndex) {
  const newOnes = state.doc && state.doc.stem === doc.stem ? Object.values(state.pendingNew) : [];
  if (!state.doc || state.doc.stem !== doc.stem) state.pendingNew = {};
  state.doc = doc;
  for (const c of newOnes) if (!doc.claims.some((x) => x.claim_id === c.claim_id)) doc.claims.push(c);
  doc.claims.sort((a, b) => (a.char_start ?? 0) - (b.char_start ?? 0));
  $("#doc-title").textContent = `${doc.stem} (${doc.document_id})`;
  if (!keepIndex) {
    const first = doc.claims.findIndex((c) => statusOf(c) === "proposed");
    state.index = first < 0 ? 0 : first;
  }
  state.index = Math.min(state.index, Math.max(doc.claims.length - 1, 0));
  renderText();
  renderClaims();
}

const statusOf = (c) => (c.review && c.review.status) || "proposed";
const current = () => state.doc && state.doc.claims[state.index];

// Offsets are Python string indices (code points); JavaScript strings count UTF-16 units, so
// the text is cut as an array of code points.
function renderText() {
  const doc = state.doc;
  const cps = Array.from(doc.text);
  const cuts = new Set([0, cps.length, doc.body[0], doc.body[1]]);
  for (const c of doc.claims) {
    if (Number.isInteger(c.char_start)) { cuts.add(c.char_start); cuts.add(c.char_end); }
    for (const [s, e] of c.numbers || []) { cuts.add(s); cuts.add(e); }
  }
  const points = [...cuts].filter((x) => x >= 0 && x <= cps.length).sort((a, b) => a - b);
  const box = $("#text");
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    if (s === e) continue;
    const span = el("span", { "data-s": s }, cps.slice(s, e).join(""));
    const classes = [];
    if (s < doc.body[0] || s >= doc.body[1]) classes.push("outside");
    const covering = doc.claims.filter((c) => c.char_start <= s && e <= c.char_end);
    if (covering.length) {
      const open = covering.find((c) => statusOf(c) === "proposed") || covering[0];
      classes.push("q", statusOf(open));
      if (open.pending) classes.push("new");
      span.dataset.claims = covering.map((c) => c.claim_id).join(" ");
      if (covering.includes(current())) classes.push("current");
      if (covering.some((c) => (c.numbers || []).some(([a, b]) => a <= s && e <= b))) classes.push("num");
    }
    span.className = classes.join(" ");
    parts.push(span);
  }
  box.replaceChildren(...parts);
}

function renderClaims() {
  const doc = state.doc;
  $("#claims").replaceChildren(...doc.claims.map((c, i) => el("li", {
    class: i === state.index ? "current" : "", "data-claim": c.claim_id,
    onclick: () => select(i),
  }, el("span", { class: `badge ${c.pending ? "new" : statusOf(c)}` }, c.pending ? "new" : statusOf(c)), " ",
  (c.quote || "").slice(0, 60) + ((c.quote || "").length > 60 ? "…" : ""))));
  renderForm();
}

function select(i) {
  if (!state.doc || !state.doc.claims.length) return;
  state.index = Math.max(0, Math.min(i, state.doc.claims.length - 1));
  hideReject();
  renderText();
  renderClaims();
  const mark = document.querySelector("#text .q.current");
  if (mark) mark.scrollIntoView({ block: "center" });
}

// ---- the claim form -----------------------------------------------------------------------
function options(values, selected, blank) {
  const out = blank ? [el("option", { value: "" }, "—")] : [];
  for (const v of values) out.push(el("option", { value: v, selected: String(v) === String(selected ?? "") }, v));
  return out;
}

function input(name, value, attrs) {
  return el("input", { "data-field": name, name, value: value ?? "", ...(attrs || {}) });
}

function labelled(text, control, hint) {
  return el("label", {}, text, control, hint ? el("span", { class: "hint" }, hint) : null);
}

function renderForm() {
  const form = $("#claim-form");
  const c = current();
  if (!c) { form.hidden = true; return; }
  form.hidden = false;
  const v = state.choices.vocabulary;
  const decided = statusOf(c) !== "proposed";
  const d = c.date || {};
  const r = c.review || {};
  const children = [
    el("div", {}, el("strong", {}, c.claim_id), " ", el("span", { class: `badge ${c.pending ? "new" : statusOf(c)}` }, c.pending ? "new, unsaved" : statusOf(c)),
      decided ? el("span", { class: "hint" }, ` by ${r.by || "?"} on ${r.on || "?"}${r.reason ? ": " + r.reason : ""} — decided claims are kept as they are`) : null),
    el("div", { class: "quote" }, c.quote || ""),
    el("div", { class: "row" },
      labelled("claimant", input("claimant", c.claimant, { list: "actors-list" })),
      labelled("relayed by (nearest first)", input("relayed_by", (c.relayed_by || []).join(", "), { list: "actors-list" }))),
    el("div", { class: "row" },
      labelled("hedge", el("select", { "data-field": "hedge", name: "hedge" }, options(v.hedges, c.hedge || "none"))),
      labelled("note", input("note", c.note))),
    el("fieldset", {}, el("legend", {}, "date"),
      el("div", { class: "row" },
        labelled("start", input("date.start", d.start, { type: "date" })),
        labelled("end", input("date.end", d.end, { type: "date" })),
        labelled("prec", el("select", { "data-field": "date.prec", name: "date.prec" }, options(Object.keys(v.date_prec), d.prec, true)))),
      labelled("words", input("date.text", d.text))),
    el("fieldset", {}, el("legend", {}, "where and which event"),
      el("div", { class: "row" },
        labelled("location", input("location", c.location, { list: "places-list" })),
        labelled("where_prec", el("select", { "data-field": "where_prec", name: "where_prec" }, options(Object.keys(v.where_prec), c.where_prec, true)))),
      labelled("event", input("event", c.event, { list: "events-list" })),
      el("div", { class: "suggest", id: "event-suggestions" })),
  ];
  FIGURES.forEach((kind) => (c[kind] || []).forEach((f, i) => children.push(figureFields(kind, f, i))));
  children.push(el("div", {},
    el("button", { type: "button", onclick: () => addFigure("casualties") }, "+ casualty figure"), " ",
    el("button", { type: "button", onclick: () => addFigure("airstrikes") }, "+ airstrike figure")));
  children.push(el("div", {},
    el("button", { type: "button", id: "accept", disabled: decided, onclick: () => decide("accepted") }, "Accept / save edits (a)"), " ",
    el("button", { type: "button", id: "reject", disabled: decided, onclick: () => showReject() }, "Reject… (r)")));
  const mine = state.problems.filter((p) => p.record_id && (p.record_id === c.claim_id || figureIds(c).includes(p.record_id)));
  if (mine.length) children.push(el("ul", { class: "problems", id: "claim-problems" }, mine.map((p) => el("li", {}, `${p.code}: ${p.field || ""} ${p.message}`))));
  form.replaceChildren(...children);
  for (const control of form.querySelectorAll("input, select")) control.disabled = decided;
  highlight(mine, c);
  suggestEvents();
}

function figureIds(c) { return FIGURES.flatMap((k) => (c[k] || []).map((f) => f[FIGURE_ID[k]])); }

function figureFields(kind, f, i) {
  const v = state.choices.vocabulary;
  const n = (name) => `${kind}[${i}].${name}`;
  const count = f.count || {};
  const countRow = f.count !== undefined || kind !== "control_changes" ? el("div", { class: "row" },
    labelled("count", input(n("count.value"), count.value, { inputmode: "numeric" })),
    labelled("qualifier", el("select", { "data-field": n("count.qualifier"), name: n("count.qualifier") }, options(v.qualifiers, count.qualifier || "exact"))),
    labelled("vague word", input(n("count.word"), count.word, { list: "vague-list" }), vagueHint(count.word))) : null;
  const rows = [];
  if (kind === "casualties") {
    rows.push(el("div", { class: "row" },
      labelled("outcome", el("select", { "data-field": n("outcome"), name: n("outcome") }, options(v.outcomes, f.outcome))),
      labelled("party", input(n("party"), f.party, { list: "actors-list" })),
      labelled("perpetrator", input(n("perpetrator"), f.perpetrator, { list: "actors-list" }))),
    labelled("party in the text's words", input(n("party_text"), f.party_text)),
    labelled("place, if not the claim's", input(n("location"), f.location, { list: "places-list" })));
  } else if (kind === "airstrikes") {
    rows.push(el("div", { class: "row" },
      labelled("perpetrator", input(n("perpetrator"), f.perpetrator, { list: "actors-list" })),
      labelled("weapon", el("select", { "data-field": n("weapon"), name: n("weapon") }, options(v.weapons, f.weapon || "airstrike"))),
      labelled("place, if not the claim's", input(n("location"), f.location, { list: "places-list" }))));
  } else if (kind === "control_changes") {
    rows.push(el("div", { class: "row" },
      labelled("status", el("select", { "data-field": n("status"), name: n("status") }, options(v.control_statuses, f.status))),
      labelled("gained by", input(n("gained_by"), f.gained_by, { list: "actors-list" })),
      labelled("lost by", input(n("lost_by"), f.lost_by, { list: "actors-list" }))));
  } else {
    rows.push(el("div", { class: "row" },
      labelled("actor", input(n("actor"), f.actor, { list: "actors-list" })),
      labelled("description", input(n("description"), f.description))));
  }
  return el("fieldset", { "data-kind": kind, "data-i": i }, el("legend", {}, `${kind.replace("_", " ")} ${f[FIGURE_ID[kind]] || ""}`), rows, countRow);
}

function vagueHint(word) {
  const row = (state.choices.vague || []).find((x) => x.word === word);
  return row ? ` ${row.word}: ${row.low || "?"}–${row.high || "?"}${row.best ? `, best ${row.best}` : ""} (${row.reason})` : "";
}

function addFigure(kind) {
  const c = current();
  if (!c || statusOf(c) !== "proposed") return;
  const edited = readForm(c);
  Object.assign(c, edited);
  const hex = c.claim_id.split("_").pop();
  const doc8 = state.doc.document_id.replace(/^doc_/, "").slice(0, 8);
  const taken = new Set(figureIds(c));
  let letter = 0;
  let id;
  do { id = `${FIGURE_PREFIX[kind]}_${doc8}_${hex}${String.fromCharCode(97 + letter++)}`; } while (taken.has(id));
  const fig = kind === "casualties" ? { casualty_id: id, outcome: "killed", party: null, party_text: null, count: { value: null, qualifier: "exact" } }
    : { airstrike_id: id, perpetrator: null, weapon: "airstrike", count: { value: null, qualifier: "exact" } };
  c[kind] = [...(c[kind] || []), fig];
  renderForm();
}

// The form's values as a claim's editable fields. A field the claim did not have and the form
// leaves blank stays absent, so reading the form back unchanged changes nothing.
function readForm(c) {
  const form = $("#claim-form");
  const val = (name) => {
    const node = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    return node ? node.value.trim() : undefined;
  };
  const orNull = (x) => (x === "" || x === undefined ? null : x);
  const int = (x) => (x === "" || x === undefined || x === null ? null : (/^\d+$/.test(x) ? Number(x) : x));
  const put = (obj, orig, key, value) => {
    if ((value === null || value === undefined) && !(key in orig)) return;
    obj[key] = value === undefined ? orig[key] : value;
  };
  const out = {};
  put(out, c, "claimant", orNull(val("claimant")));
  const relays = (val("relayed_by") || "").split(",").map((x) => x.trim()).filter(Boolean);
  if (relays.length || "relayed_by" in c) out.relayed_by = relays;
  const hedge = val("hedge") || "none";
  if (hedge !== "none" || "hedge" in c) out.hedge = hedge;
  put(out, c, "note", orNull(val("note")));
  const d = { start: orNull(val("date.start")), end: orNull(val("date.end")), prec: int(val("date.prec")), text: orNull(val("date.text")) };
  if (d.start || d.end || d.prec || d.text) {
    const date = {};
    const od = c.date || {};
    for (const k of ["start", "end", "prec", "text"]) put(date, od, k, d[k]);
    out.date = date;
  } else if ("date" in c) out.date = null;
  put(out, c, "location", orNull(val("location")));
  put(out, c, "where_prec", int(val("where_prec")));
  put(out, c, "event", orNull(val("event")));
  for (const kind of FIGURES) {
    if (!(kind in c)) continue;
    out[kind] = (c[kind] || []).map((f, i) => {
      const g = { ...f };
      const n = (name) => val(`${kind}[${i}].${name}`);
      for (const key of ["outcome", "party", "party_text", "perpetrator", "weapon", "status", "gained_by", "lost_by", "actor", "description", "location"]) {
        const x = n(key);
        if (x !== undefined) put(g, f, key, orNull(x));
      }
      if (n("count.qualifier") !== undefined) {
        const oc = f.count || {};
        const cnt = { ...oc };
        const value = int(n("count.value"));
        const word = orNull(n("count.word"));
        put(cnt, oc, "value", value);
        cnt.qualifier = n("count.qualifier");
        put(cnt, oc, "word", word);
        if (f.count !== undefined || value !== null || word !== null) g.count = cnt;
      }
      return g;
    });
  }
  return out;
}

function highlight(problems, c) {
  for (const node of document.querySelectorAll("#claim-form .bad")) node.classList.remove("bad");
  const form = $("#claim-form");
  for (const p of problems) {
    if (!p.field) continue;
    let field = p.field.replace(/^claims\[\d+\]\./, "");
    const fig = FIGURES.find((k) => (c[k] || []).some((f) => f[FIGURE_ID[k]] === p.record_id));
    if (fig && !field.startsWith(fig)) {
      const i = c[fig].findIndex((f) => f[FIGURE_ID[fig]] === p.record_id);
      field = `${fig}[${i}].${field}`;
    }
    let best = null;
    for (const node of form.querySelectorAll("[data-field]")) {
      const f = node.dataset.field;
      if (f === field || field.startsWith(f + ".") || field.startsWith(f + "[") || f.startsWith(field + ".")) { best = node; if (f === field) break; }
    }
    if (best) best.classList.add("bad");
  }
}

async function suggestEvents() {
  const c = current();
  const box = $("#event-suggestions");
  if (!c || !box) return;
  const form = $("#claim-form");
  const date = (form.querySelector('[data-field="date.start"]') || {}).value || "";
  const place = (form.querySelector('[data-field="location"]') || {}).value || "";
  if (!date && !place) { box.replaceChildren(); return; }
  const data = await api(`api/events/suggest?date=${encodeURIComponent(date)}&location=${encodeURIComponent(place)}`);
  if (current() !== c) return;
  const found = data.events || [];
  box.replaceChildren(el("span", { class: "hint" }, found.length ? "near in date and place: " : "no event near in date and place (create one below) "),
    ...found.slice(0, 5).map((e) => el("button", {
      type: "button", title: `${e.start}–${e.end} ${e.location || ""}`,
      onclick: () => { form.querySelector('[data-field="event"]').value = e.id; },
    }, `${e.id} (${e.days_apart === null ? "same area" : e.days_apart + " d"})`)));
}

// ---- deciding -----------------------------------------------------------------------------
function showReject() {
  const c = current();
  if (!c || statusOf(c) !== "proposed") return;
  if (c.pending) {  // a claim from a selection that was never saved: drop it, nothing to record
    delete state.pendingNew[c.claim_id];
    state.doc.claims.splice(state.index, 1);
    select(state.index);
    say(`dropped the unsaved claim ${c.claim_id}`, "ok");
    return;
  }
  $("#reject-box").hidden = false;
  const box = $("#reject-reason");
  box.value = "";
  box.focus();
}

function hideReject() { $("#reject-box").hidden = true; }

async function decide(status, reason) {
  const c = current();
  if (!c) return;
  if (statusOf(c) !== "proposed") { say(`${c.claim_id} is already ${statusOf(c)}`, "error"); return; }
  const by = await askName();
  const decision = { claim_id: c.claim_id, status, reason: reason || null };
  if (status !== "rejected") decision.edits = readForm(c);
  const body = { by, expected_sha: state.doc.record_sha, decisions: [decision], new_claims: [] };
  if (c.pending) body.new_claims.push({ char_start: c.char_start, char_end: c.char_end });
  say("saving…");
  const data = await api(`api/doc/${encodeURIComponent(state.doc.stem)}/save`, body);
  if (data.error) {
    // The form keeps what was typed; nothing was written.
    state.problems = data.problems || [];
    say(data.status === 409 ? `Not saved: ${data.error}` : data.error, "error");
    if (data.status === 409) {
      $("#message").append(" ", el("button", { type: "button", id: "reload", onclick: () => openDoc(state.doc.stem) }, "Reload this document"));
    }
    highlight(state.problems, c);
    return;
  }
  if (c.pending) delete state.pendingNew[c.claim_id];
  state.problems = data.problems || [];
  const stay = state.index;
  setDoc(data.document, true);
  const next = state.doc.claims.findIndex((x, i) => i > stay && statusOf(x) === "proposed");
  const mine = state.problems.filter((p) => p.record_id === c.claim_id || figureIds(c).includes(p.record_id));
  if (mine.length) {
    select(state.doc.claims.findIndex((x) => x.claim_id === c.claim_id));
    say(`Saved ${c.claim_id} (${status}); tollbook check: ${mine.length} problem(s) in this claim`, "error");
  } else {
    if (next >= 0) select(next); else select(stay);
    const others = state.problems.length ? `; tollbook check: ${state.problems.length} problem(s) in this record file` : "; tollbook check: no problems in this record file";
    say(`Saved ${c.claim_id} (${status})${others}`, state.problems.length ? "error" : "ok");
  }
  if (state.problems.length) {
    const list = el("ul", { class: "problems", id: "record-problems" }, state.problems.map((p) => el("li", {}, `${p.record_id || ""} ${p.field || ""}: ${p.code}: ${p.message}`)));
    $("#message").append(list);
  }
  loadQueue();
}

// ---- a claim from a text selection -------------------------------------------------------
function selectionOffsets() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const at = (node, offset) => {
    const span = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!span || !$("#text").contains(span)) return null;
    if (node.nodeType !== Node.TEXT_NODE) {  // an element boundary: count its children before
      const kids = Array.from(node.childNodes).slice(0, offset);
      const base = node.dataset && node.dataset.s !== undefined ? Number(node.dataset.s) : null;
      if (base !== null) return base + Array.from(kids.map((k) => k.textContent).join("")).length;
      const child = node.childNodes[offset] || null;
      return child && child.dataset ? Number(child.dataset.s) : Array.from(state.doc.text).length;
    }
    return Number(span.dataset.s) + Array.from(node.data.slice(0, offset)).length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

document.addEventListener("mouseup", (ev) => {
  const button = $("#from-selection");
  if (ev.target === button) return;
  setTimeout(() => {
    const off = state.doc ? selectionOffsets() : null;
    state.selection = off;
    button.hidden = !off;
    if (off) {
      button.style.left = `${ev.pageX + 8}px`;
      button.style.top = `${ev.pageY + 8}px`;
    }
  }, 0);
});

$("#from-selection").addEventListener("click", () => claimFromSelection());

async function claimFromSelection() {
  const off = state.selection || selectionOffsets();
  $("#from-selection").hidden = true;
  if (!off || !state.doc) { say("select the words of the claim in the text first", "error"); return; }
  const data = await api(`api/doc/${encodeURIComponent(state.doc.stem)}/selection`, off);
  if (data.error) { say(data.error, "error"); return; }
  const c = data.claim;
  c.pending = true;
  c.numbers = [];
  state.pendingNew[c.claim_id] = c;
  state.doc.claims.push(c);
  state.doc.claims.sort((a, b) => (a.char_start ?? 0) - (b.char_start ?? 0));
  window.getSelection().removeAllRanges();
  state.selection = null;
  select(state.doc.claims.indexOf(c));
  say(`new claim ${c.claim_id} at ${c.char_start}-${c.char_end}: fill it in, then accept (a)`, "ok");
}

// ---- clicking a highlight opens its claim ---------------------------------------------------
$("#text").addEventListener("click", (ev) => {
  const span = ev.target.closest("span[data-claims]");
  if (!span || !window.getSelection().isCollapsed) return;
  const ids = span.dataset.claims.split(" ");
  const claims = state.doc.claims;
  const pick = claims.findIndex((c) => ids.includes(c.claim_id) && statusOf(c) === "proposed");
  select(pick >= 0 ? pick : claims.findIndex((c) => c.claim_id === ids[0]));
});

// ---- the keyboard ----------------------------------------------------------------------------
document.addEventListener("keydown", (ev) => {
  const t = ev.target;
  if (t && t.id === "reject-reason") {
    if (ev.key === "Enter") {
      ev.preventDefault();
      const reason = t.value.trim();
      if (!reason) { say("a rejection needs a reason", "error"); return; }
      hideReject();
      decide("rejected", reason);
    } else if (ev.key === "Escape") { hideReject(); }
    return;
  }
  if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) {
    if (ev.key === "Escape") t.blur();
    return;
  }
  if ($("#who").open || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const keys = {
    j: () => select(state.index + 1),
    k: () => select(state.index - 1),
    a: () => decide("accepted"),
    r: () => showReject(),
    e: () => { const f = $("#claim-form input:not([disabled])"); if (f) f.focus(); },
    c: () => claimFromSelection(),
  };
  const act = keys[ev.key];
  if (act) { ev.preventDefault(); act(); }
});

$("#claim-form").addEventListener("change", (ev) => {
  const f = ev.target.dataset.field || "";
  if (f === "date.start" || f === "location") suggestEvents();
  if (f.endsWith("count.word")) {
    const hint = ev.target.parentElement.querySelector(".hint");
    if (hint) hint.textContent = vagueHint(ev.target.value.trim());
  }
});

// ---- new reference rows and events ---------------------------------------------------------
function formData(form) { return Object.fromEntries(new FormData(form).entries()); }

async function addRows(rows, what) {
  for (const [table, row] of rows) {
    const data = await api(`api/reference/${table}`, { row });
    if (data.error) {
      say(`${what} not added: ${(data.problems || []).map((p) => `${p.field || ""} ${p.code}: ${p.message}`).join("; ") || data.error}`, "error");
      return false;
    }
  }
  await loadChoices();
  say(`${what} added`, "ok");
  return true;
}

$("#actor-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = formData(ev.target);
  const rows = [["actors", { actor_id: f.actor_id, name: f.name, actor_type: f.actor_type, description: f.description }]];
  if (f.alias) rows.push(["actor_aliases", { alias: f.alias, actor_id: f.actor_id }]);
  if (await addRows(rows, `actor ${f.actor_id}`)) ev.target.reset();
});

$("#place-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = formData(ev.target);
  const { variant, ...row } = f;
  const rows = [["locations", row]];
  if (variant) rows.push(["location_variants", { variant, location_id: f.location_id }]);
  if (await addRows(rows, `place ${f.location_id}`)) ev.target.reset();
});

$("#event-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = formData(ev.target);
  for (const k of ["date_prec", "where_prec"]) if (f[k]) f[k] = Number(f[k]);
  const data = await api("api/events", { event: f, by: await askName() });
  if (data.error) {
    say(`event not added: ${(data.problems || []).map((p) => `${p.field || ""} ${p.code}: ${p.message}`).join("; ") || data.error}`, "error");
    return;
  }
  say(`event ${f.event_id} added to ${data.written}`, "ok");
  ev.target.reset();
  await loadChoices();
  const box = $('#claim-form [data-field="event"]');
  if (box && !box.disabled) box.value = f.event_id;
});

// ---- start ---------------------------------------------------------------------------------
async function loadChoices() {
  state.choices = await api("api/choices");
  const ch = state.choices;
  $("#actors-list").replaceChildren(...ch.actors.map((a) => el("option", { value: a.id }, [a.name, ...a.aliases].join(" · "))));
  $("#places-list").replaceChildren(...ch.places.map((p) => el("option", { value: p.id }, [p.name, ...p.variants].join(" · ") + (p.admin1 ? ` (${p.admin1})` : ""))));
  $("#events-list").replaceChildren(...ch.events.map((e) => el("option", { value: e.id }, `${e.title} ${e.start}–${e.end}`)));
  $("#vague-list").replaceChildren(...ch.vague.map((w) => el("option", { value: w.word }, `${w.low || "?"}–${w.high || "?"}: ${w.reason}`)));
  for (const sel of document.querySelectorAll("select[data-vocab]")) {
    if (!sel.options.length) sel.replaceChildren(...options(ch.vocabulary[sel.dataset.vocab]));
  }
}

async function start() {
  await loadChoices();
  await loadQueue();
  const name = await askName();
  $("#curator").textContent = `curator: ${name}`;
  const wanted = new URLSearchParams(location.search).get("doc");
  const first = wanted || (state.queue[0] && state.queue[0].stem);
  if (first) await openDoc(first);
  document.body.dataset.ready = "1";
}

start();
