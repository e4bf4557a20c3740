/* dytool site: the problems ledger.  Filters, sorts and pages the rows of data/ledger.js in
   memory; every cell is written as text (textContent), never as markup.  The filters live in
   the address (#unit=...&overdue=1), so a filtered view can be linked to and bookmarked. */
(function () {
  "use strict";
  var data = window.dytoolLedger;
  if (!data) { return; }
  var PAGE = 50;
  var ID = 0, TITLE = 1, UNIT = 2, TOPIC = 3, HANDLING = 4, STATE = 5, FOUND = 6, DUE = 7, CLOSED = 8, DAYS = 9;
  var rows = data.rows;
  var keys = new Array(rows.length);
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i];
    var unit = r[UNIT] >= 0 ? data.units[r[UNIT]][1] : "";
    var topic = r[TOPIC] >= 0 ? data.topics[r[TOPIC]][0] + " " + data.topics[r[TOPIC]][1] : "";
    keys[i] = (r[ID] + " " + r[TITLE] + " " + unit + " " + topic).toLowerCase();
  }
  var unitIds = {}, topicIds = {};
  data.units.forEach(function (u, n) { unitIds[u[0]] = n; });
  data.topics.forEach(function (t, n) { topicIds[t[0]] = n; });

  var $ = function (id) { return document.getElementById(id); };
  var search = $("f-search"), unitSel = $("f-unit"), stateSel = $("f-state"), handlingSel = $("f-handling"),
      topicSel = $("f-topic"), overdueBox = $("f-overdue"), body = $("ledger-body"), count = $("ledger-count"),
      prev = $("p-prev"), next = $("p-next"), pageStatus = $("p-status");
  // unit: the unit asked for by the address when the page has no unit list (--anonymize)
  var state = { sort: null, dir: 1, page: 1, unit: "" };
  var shown = [];

  function sortValue(row, key) {
    switch (key) {
      case "id": return row[ID];
      case "title": return row[TITLE];
      case "unit": return row[UNIT] >= 0 ? data.units[row[UNIT]][1] : "\uffff";
      case "topic": return row[TOPIC] >= 0 ? data.topics[row[TOPIC]][0] : "\uffff";
      case "handling": return row[HANDLING] >= 0 ? row[HANDLING] : 99;
      case "found": return row[FOUND] || "9999";
      case "due": return row[DUE] || "9999";
      case "state": return row[STATE];
      case "days": return row[DAYS];
    }
    return 0;
  }

  function day(iso) {
    if (!iso) { return "—"; }
    if (data.lang === "en") { return iso; }
    var p = iso.split("-");
    return p[0] + "年" + Number(p[1]) + "月" + Number(p[2]) + "日";
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }

  function apply() {
    var q = search.value.trim().toLowerCase();
    var u = unitSel ? unitSel.value : state.unit;
    var s = stateSel.value, h = handlingSel.value, t = topicSel.value, late = overdueBox.checked;
    var ui = u === "" ? -2 : Number(u), hi = h === "" ? -2 : Number(h), ti = t === "" ? -2 : Number(t);
    shown = [];
    for (var n = 0; n < rows.length; n++) {
      var r = rows[n];
      if (ui !== -2 && r[UNIT] !== ui) { continue; }
      if (hi !== -2 && r[HANDLING] !== hi) { continue; }
      if (ti !== -2 && r[TOPIC] !== ti) { continue; }
      if (s === "done" && r[STATE] !== "done") { continue; }
      if (s === "open" && r[STATE] === "done") { continue; }
      if (late && r[STATE] !== "overdue") { continue; }
      if (q && keys[n].indexOf(q) < 0) { continue; }
      shown.push(n);
    }
    if (state.sort) {
      var key = state.sort, dir = state.dir;
      shown.sort(function (a, b) {
        var x = sortValue(rows[a], key), y = sortValue(rows[b], key);
        if (x < y) { return -dir; }
        if (x > y) { return dir; }
        return a - b;
      });
    }
  }

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) { td.className = cls; }
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function linkCell(tr, text, href) {
    var td = document.createElement("td");
    if (href) {
      var a = document.createElement("a");
      a.setAttribute("href", href);
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    tr.appendChild(td);
  }

  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (state.page > pages) { state.page = pages; }
    var start = (state.page - 1) * PAGE;
    var frag = document.createDocumentFragment();
    for (var n = start; n < Math.min(shown.length, start + PAGE); n++) {
      var r = rows[shown[n]];
      var tr = document.createElement("tr");
      tr.className = "row-" + r[STATE];
      cell(tr, r[ID], "id");
      cell(tr, r[TITLE]);
      var unit = r[UNIT] >= 0 ? data.units[r[UNIT]] : null;
      linkCell(tr, unit ? unit[1] : "—", unit ? unit[2] : "");
      var topic = r[TOPIC] >= 0 ? data.topics[r[TOPIC]] : null;
      linkCell(tr, topic ? topic[0] : "—", topic ? topic[2] : "");
      if (topic) { tr.lastChild.title = topic[1]; }
      cell(tr, r[HANDLING] >= 0 ? data.handling[r[HANDLING]] : "—");
      cell(tr, day(r[FOUND]), "date");
      cell(tr, day(r[DUE]), "date");
      var td = cell(tr, "");
      var badge = document.createElement("span");
      badge.className = "badge " + r[STATE];
      badge.textContent = data.states[r[STATE]];
      td.appendChild(badge);
      if (r[CLOSED]) { td.appendChild(document.createTextNode(" " + day(r[CLOSED]))); }
      cell(tr, r[DAYS] >= 0 ? String(r[DAYS]) : "", "num");
      frag.appendChild(tr);
    }
    if (!shown.length) {
      var empty = document.createElement("tr");
      var td0 = cell(empty, data.words.none, "empty");
      td0.colSpan = 9;
      frag.appendChild(empty);
    }
    body.textContent = "";
    body.appendChild(frag);
    count.textContent = fill(data.words.shown, { total: rows.length, n: shown.length });
    pageStatus.textContent = fill(data.words.page, { page: state.page, pages: pages });
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    var ths = document.querySelectorAll("#ledger th[data-key]");
    for (var k = 0; k < ths.length; k++) {
      var th = ths[k];
      if (th.getAttribute("data-key") === state.sort) {
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    }
    document.body.setAttribute("data-ledger-ready", "1");
  }

  function toHash() {
    var parts = [];
    var add = function (k, v) { if (v !== "" && v !== null && v !== undefined) { parts.push(k + "=" + encodeURIComponent(v)); } };
    add("q", search.value.trim());
    var unitValue = unitSel ? unitSel.value : state.unit;
    if (unitValue !== "") { add("unit", data.units[Number(unitValue)][0]); }
    add("state", stateSel.value);
    add("handling", handlingSel.value);
    if (topicSel.value !== "") { add("topic", data.topics[Number(topicSel.value)][0]); }
    if (overdueBox.checked) { add("overdue", "1"); }
    if (state.sort) { add("sort", state.sort); add("dir", state.dir > 0 ? "asc" : "desc"); }
    if (state.page > 1) { add("page", String(state.page)); }
    var hash = parts.join("&");
    if (hash !== location.hash.replace(/^#/, "")) {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  }

  function fromHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      if (!part) { return; }
      var eq = part.indexOf("=");
      var k = eq < 0 ? part : part.slice(0, eq);
      var v = eq < 0 ? "" : part.slice(eq + 1);
      try { params[k] = decodeURIComponent(v); } catch (e) { params[k] = ""; }
    });
    search.value = params.q || "";
    state.unit = Object.prototype.hasOwnProperty.call(unitIds, params.unit) ? String(unitIds[params.unit]) : "";
    if (unitSel) { unitSel.value = state.unit; }
    stateSel.value = params.state === "open" || params.state === "done" ? params.state : "";
    handlingSel.value = /^\d+$/.test(params.handling || "") && Number(params.handling) < data.handling.length ? params.handling : "";
    topicSel.value = params.topic in topicIds ? String(topicIds[params.topic]) : "";
    overdueBox.checked = params.overdue === "1";
    state.sort = params.sort && /^(id|title|unit|topic|handling|found|due|state|days)$/.test(params.sort) ? params.sort : null;
    state.dir = params.dir === "desc" ? -1 : 1;
    state.page = /^\d+$/.test(params.page || "") ? Math.max(1, Number(params.page)) : 1;
  }

  function update(resetPage) {
    if (resetPage) { state.page = 1; }
    apply();
    render();
    toHash();
  }

  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(true); }, 120);
  });
  [unitSel, stateSel, handlingSel, topicSel, overdueBox].forEach(function (el) {
    if (el) { el.addEventListener("change", function () { update(true); }); }
  });
  $("f-reset").addEventListener("click", function () {
    search.value = "";
    [unitSel, stateSel, handlingSel, topicSel].forEach(function (el) { if (el) { el.value = ""; } });
    overdueBox.checked = false;
    state.sort = null;
    state.unit = "";
    update(true);
  });
  prev.addEventListener("click", function () { state.page -= 1; update(false); });
  next.addEventListener("click", function () { state.page += 1; update(false); });
  var buttons = document.querySelectorAll("#ledger th[data-key] button");
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener("click", function (event) {
      var key = event.currentTarget.parentNode.getAttribute("data-key");
      if (state.sort === key) { state.dir = -state.dir; } else { state.sort = key; state.dir = key === "days" ? -1 : 1; }
      update(true);
    });
  }
  window.addEventListener("hashchange", function () { fromHash(); apply(); render(); });
  fromHash();
  apply();
  render();
}());
