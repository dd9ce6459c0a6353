// Events between two actors, in order, with their Goldstein scores over time.
"use strict";
(function () {
  const box = document.getElementById("dyad");
  if (!box) return;
  const rows = document.getElementById("dyad-rows");
  const title = document.getElementById("dyad-title");

  function cell(text, cls) { return casus.el("td", cls ? {class: cls} : {}, text); }
  function party(p) {
    const td = casus.el("td");
    if (p && p.actor_id) td.append(casus.el("a", {href: "/actors/" + encodeURIComponent(p.actor_id)}, casus.partyName(p)));
    else td.textContent = casus.partyName(p);
    return td;
  }
  function evidence(e) {
    const td = casus.el("td", {class: "evidence"});
    const s = e.sentence || "", t = e.trigger || "";
    const i = t ? s.indexOf(t) : -1;
    if (i < 0) { td.textContent = s; return td; }
    td.append(document.createTextNode(s.slice(0, i)), casus.el("mark", {}, t), document.createTextNode(s.slice(i + t.length)));
    return td;
  }
  function row(e) {
    const tr = casus.el("tr", {"data-event": e.event_id});
    const doc = casus.el("td", {class: "nowrap"});
    doc.append(casus.el("a", {href: "/documents/" + encodeURIComponent(e.doc_id) + "#ev-" + e.event_id}, e.doc_id.slice(0, 14)));
    const gs = casus.el("td", {class: "num"});
    const chip = casus.el("span", {class: "gs"}, e.goldstein.toFixed(1));
    chip.style.color = casus.goldsteinColor(e.goldstein);
    gs.append(chip);
    tr.append(cell(e.date || "undated", "nowrap"), party(e.source), cell(e.cameo + " " + e.cameo_label),
      party(e.target), cell(e.plover || ""), gs, cell(e.location ? e.location.name : ""), evidence(e), doc);
    return tr;
  }

  function chart(data) {
    const dated = data.events.filter((e) => e.date);
    if (!dated.length) {
      box.replaceChildren(casus.el("p", {class: "empty"}, "None of these events has a date, so there is no line to draw."));
      return;
    }
    const width = box.clientWidth || 900, height = 260, m = {top: 14, right: 20, bottom: 30, left: 40};
    const parse = d3.utcParse("%Y-%m-%d");
    const pts = dated.map((e) => ({e, t: parse(e.date), g: e.goldstein, ab: e.source && e.source.actor_id === data.a.actor_id}));
    const ext = d3.extent(pts, (p) => p.t);
    if (+ext[0] === +ext[1]) { ext[0] = d3.utcDay.offset(ext[0], -15); ext[1] = d3.utcDay.offset(ext[1], 15); }
    const x = d3.scaleUtc(ext, [m.left, width - m.right]).nice();
    const y = d3.scaleLinear([-10, 10], [height - m.bottom, m.top]);
    const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("class", "dyad-svg");
    svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(width / 90));
    svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5));
    svg.append("line").attr("class", "zero").attr("x1", m.left).attr("x2", width - m.right).attr("y1", y(0)).attr("y2", y(0));
    svg.append("path").datum(pts).attr("class", "gline").attr("d", d3.line((p) => x(p.t), (p) => y(p.g)));
    const sym = svg.append("g").selectAll("a").data(pts).join("a")
      .attr("href", (p) => "/documents/" + encodeURIComponent(p.e.doc_id) + "#ev-" + p.e.event_id);
    sym.append("path").attr("transform", (p) => `translate(${x(p.t)},${y(p.g)})`)
      .attr("d", (p) => d3.symbol(p.ab ? d3.symbolCircle : d3.symbolDiamond, 70)())
      .attr("fill", (p) => casus.goldsteinColor(p.g)).attr("class", "gpoint")
      .append("title").text((p) => `${p.e.date} ${p.e.cameo_label} (${p.g})`);
    box.replaceChildren(svg.node());
  }

  function states(changes) {
    const list = document.getElementById("dyad-states");
    if (!list) return;
    if (!changes.length) {
      list.replaceChildren(casus.el("li", {class: "empty"}, "No dated change of state (truce, talks, fighting) between them."));
      return;
    }
    list.replaceChildren(...changes.map((c) => {
      const li = casus.el("li", {"data-track": c.track, "data-state": c.state});
      // an undated article's window, bounded by its own words: shown as an estimate
      const when = c.date_window
        ? casus.el("span", {class: "nowrap estimated", title: "estimated from: " + c.date_window.evidence.join("; ")},
          c.date_window.start + "…" + c.date_window.end + " (estimated) ")
        : casus.el("span", {class: "nowrap"}, c.date + " ");
      li.append(when,
        casus.el("strong", {}, c.track + ": " + (c.previous || "—") + " → " + c.state),
        document.createTextNode(" (" + c.cameo + " " + c.cameo_label + ") "));
      for (const ev of c.evidence) {
        const a = casus.el("a", {href: "/documents/" + encodeURIComponent(ev.doc_id) + "#ev-" + ev.event_id, class: "evidence"}, "“" + ev.sentence + "”");
        li.append(a, document.createTextNode(" "));
      }
      return li;
    }));
  }

  casus.getJSON(box.dataset.api).then((data) => {
    const a = data.a ? data.a.name : "A", b = data.b ? data.b.name : "B";
    title.textContent = a + " ↔ " + b + ": " + data.events.length + " events";
    chart(data);
    states(data.states || []);
    rows.replaceChildren(...data.events.map(row));
    if (!data.events.length) rows.append(casus.el("tr", {}, "")).firstChild.append(casus.el("td", {colspan: 9, class: "empty"}, "No events between these two actors."));
  }).catch((e) => casus.fail(box, e));
})();
