// Stacked bars of dated events per day/week/month; a click opens those events.
"use strict";
(function () {
  const box = document.getElementById("timeline");
  const note = document.getElementById("timeline-note");
  const QUADS = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict"};
  const QUAD_COLORS = {"1": "#7fb3d5", "2": "#1f78b4", "3": "#f0a35e", "4": "#c0392b"};

  function colorFor(stack, keys) {
    if (stack === "quad") return (k) => QUAD_COLORS[k] || "#999";
    const scale = d3.scaleOrdinal(keys, d3.schemeTableau10.concat(d3.schemeSet3));
    return (k) => scale(k);
  }

  function draw(data) {
    const stack = box.dataset.stack;
    const keys = data.keys;
    note.textContent = data.buckets.reduce((n, b) => n + b.total, 0) + " dated events in " +
      data.buckets.length + " " + data.unit + "s · " + data.undated + " undated not shown";
    if (!data.buckets.length) {
      box.replaceChildren(casus.el("p", {class: "empty"}, "No dated events match these filters."));
      return;
    }
    const width = box.clientWidth || 900, height = 380;
    const m = {top: 12, right: 16, bottom: 48, left: 44};
    const rows = data.buckets.map((b) => Object.assign({start: b.start, end: b.end}, b.counts));
    const series = d3.stack().keys(keys).value((d, k) => d[k] || 0)(rows);
    const x = d3.scaleBand(rows.map((r) => r.start), [m.left, width - m.right]).padding(0.15);
    const y = d3.scaleLinear([0, d3.max(data.buckets, (b) => b.total)], [height - m.bottom, m.top]).nice();
    const color = colorFor(stack, keys);
    const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("class", "timeline-svg");
    const every = Math.ceil(rows.length / Math.max(1, Math.floor(width / 80)));
    svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)))
      .selectAll("text").attr("transform", "rotate(-30)").attr("text-anchor", "end");
    svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6, "d"));
    const base = box.dataset.filterQs;
    svg.append("g").selectAll("g").data(series).join("g").attr("fill", (s) => color(s.key))
      .selectAll("a").data((s) => s.map((d) => Object.assign(d, {key: s.key})).filter((d) => d[1] > d[0])).join("a")
      .attr("href", (d) => casus.link("/events", base, {since: d.data.start, until: d.data.end,
        [{quad: "quad", root: "root", dataset: "dataset"}[stack]]: d.key}))
      .append("rect").attr("class", "bar")
      .attr("x", (d) => x(d.data.start)).attr("width", x.bandwidth())
      .attr("y", (d) => y(d[1])).attr("height", (d) => Math.max(0, y(d[0]) - y(d[1])))
      .append("title").text((d) => `${d.data.start} – ${d.data.end}\n${label(stack, d.key)}: ${d[1] - d[0]} events`);
    box.replaceChildren(svg.node());
    legend(keys, color, stack);
  }

  function label(stack, key) {
    if (stack === "quad") return key + " " + (QUADS[key] || "");
    if (stack === "dataset") return key;
    const roots = JSON.parse(document.getElementById("legend").dataset.roots || "{}");
    return key + " " + (roots[key] || "");
  }

  function legend(keys, color, stack) {
    const node = document.getElementById("legend");
    node.replaceChildren(...keys.map((k) => {
      const item = casus.el("span", {class: "key"});
      const sw = casus.el("span", {class: "swatch"});
      sw.style.background = color(k);
      item.append(sw, document.createTextNode(label(stack, k)));
      return item;
    }));
  }

  casus.getJSON(box.dataset.api).then(draw).catch((e) => casus.fail(box, e));
})();
