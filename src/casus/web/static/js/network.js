// Force-directed actor network: nodes sized by events, edges coloured by mean Goldstein.
"use strict";
(function () {
  const box = document.getElementById("network");
  const note = document.getElementById("network-note");

  function draw(data) {
    note.textContent = data.nodes.length + " actors · " + data.edges.length + " directed links (" +
      data.edges.reduce((n, e) => n + e.events, 0) + " events)";
    if (!data.nodes.length) {
      box.replaceChildren(casus.el("p", {class: "empty"}, "No events between two identified actors match these filters."));
      return;
    }
    const width = box.clientWidth || 900, height = 620;
    const nodes = data.nodes.map((n) => Object.assign({}, n));
    const links = data.edges.map((e) => Object.assign({}, e));
    const maxNode = d3.max(nodes, (n) => n.events), maxEdge = d3.max(links, (e) => e.events);
    const radius = d3.scaleSqrt([1, maxNode], [5, 26]);
    const stroke = d3.scaleSqrt([1, maxEdge], [1.2, 9]);
    const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("class", "network-svg");
    const defs = svg.append("defs");
    const layer = svg.append("g");
    svg.call(d3.zoom().scaleExtent([0.3, 5]).on("zoom", (ev) => layer.attr("transform", ev.transform)));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    function name(id) { const n = byId.get(typeof id === "object" ? id.id : id); return n ? n.name : id; }

    const edge = layer.append("g").attr("class", "edges").selectAll("a").data(links).join("a")
      .attr("href", (e) => casus.link("/dyad", "", {a: e.source, b: e.target}));
    const path = edge.append("path").attr("fill", "none")
      .attr("stroke", (e) => casus.goldsteinColor(e.goldstein))
      .attr("stroke-width", (e) => stroke(e.events)).attr("stroke-opacity", 0.75);
    path.append("title").text((e) => `${name(e.source)} → ${name(e.target)}: ${e.events} events, mean Goldstein ${e.goldstein}`);

    const node = layer.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
      .attr("class", "node").attr("data-name", (n) => n.name);
    const anchor = node.append("a").attr("href", (n) => "/actors/" + encodeURIComponent(n.id));
    anchor.append("circle").attr("r", (n) => radius(n.events))
      .attr("class", (n) => n.in_dictionary ? "dict" : "nodict");
    anchor.append("text").attr("class", "label").attr("dy", (n) => radius(n.events) + 12)
      .attr("text-anchor", "middle").text((n) => n.name);
    anchor.append("title").text((n) => `${n.name} (${n.code || "no code"}): ${n.events} events in view`);
    node.call(d3.drag().on("start", started).on("drag", dragged).on("end", ended));

    function ticked() {
      path.attr("d", (e) => {
        const dx = e.target.x - e.source.x, dy = e.target.y - e.source.y;
        const dr = Math.hypot(dx, dy) * 1.6;  // a curve, so A→B and B→A stay apart
        return `M${e.source.x},${e.source.y}A${dr},${dr} 0 0,1 ${e.target.x},${e.target.y}`;
      });
      node.attr("transform", (n) => `translate(${n.x},${n.y})`);
    }
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((n) => n.id).distance(110).strength(0.4))
      .force("charge", d3.forceManyBody().strength(-380))
      .force("center", d3.forceCenter(width / 2, height / 2))
      .force("x", d3.forceX(width / 2).strength(0.07))
      .force("y", d3.forceY(height / 2).strength(0.1))
      .force("collide", d3.forceCollide((n) => radius(n.events) + 8))
      .stop();
    // Lay out before showing: a still picture to read at once, moving only when dragged.
    for (let i = 0; i < 300; i++) sim.tick();
    ticked();
    // Frame the whole graph, labels included, whatever the layout's extent.
    const pad = 40;
    const xs = d3.extent(nodes, (n) => n.x), ys = d3.extent(nodes, (n) => n.y);
    svg.attr("viewBox", [xs[0] - pad - 60, ys[0] - pad, xs[1] - xs[0] + 2 * pad + 120,
      ys[1] - ys[0] + 2 * pad + 20]);
    sim.on("tick", ticked);
    function started(ev) { if (!ev.active) sim.alphaTarget(0.2).restart(); ev.subject.fx = ev.subject.x; ev.subject.fy = ev.subject.y; }
    function dragged(ev) { ev.subject.fx = ev.x; ev.subject.fy = ev.y; }
    function ended(ev) { if (!ev.active) sim.alphaTarget(0); ev.subject.fx = null; ev.subject.fy = null; }
    defs.remove();
    box.replaceChildren(svg.node());
    box.dataset.ready = "true";
  }

  casus.getJSON(box.dataset.api).then(draw).catch((e) => casus.fail(box, e));
})();
