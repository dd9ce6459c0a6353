// Shared helpers for the casus pages. Article text only ever reaches the page through
// textContent or d3's .text(): never innerHTML.
"use strict";
window.casus = (function () {
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, v);
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function link(path, baseQs, extra) {
    const params = new URLSearchParams(baseQs || "");
    for (const [k, v] of Object.entries(extra || {})) {
      if (v === null || v === undefined || v === "") params.delete(k); else params.set(k, v);
    }
    const qs = params.toString();
    return qs ? path + "?" + qs : path;
  }
  async function getJSON(url) {
    const response = await fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}});
    const body = await response.json();
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message);
    }
    return body;
  }
  function fail(container, error) {
    console.error("casus:", error);
    container.replaceChildren(el("p", {class: "error-inline"}, "Could not load: " + error.message));
  }
  // Goldstein -10 (conflict, red) .. 0 (grey) .. +10 (cooperation, green).
  function mix(a, b, t) {
    return a.map((x, i) => Math.round(x + (b[i] - x) * t));
  }
  function goldsteinColor(g) {
    const red = [192, 57, 43], grey = [150, 156, 164], green = [39, 139, 87];
    const t = Math.max(-1, Math.min(1, (g || 0) / 10));
    const rgb = t < 0 ? mix(grey, red, -t) : mix(grey, green, t);
    return "rgb(" + rgb.join(",") + ")";
  }
  function partyName(p) {
    return p ? (p.name || p.text) : "—";
  }
  return {el, link, getJSON, fail, goldsteinColor, partyName};
})();
