// Offline map: Natural Earth country shapes (vendored world-atlas TopoJSON) under
// clustered event places. No tile server is ever contacted.
"use strict";
(function () {
  const box = document.getElementById("map");
  const note = document.getElementById("map-note");

  function popup(p, base) {
    const div = casus.el("div", {class: "popup"});
    div.append(casus.el("b", {}, p.name), document.createTextNode(" " + (p.country || "")),
      casus.el("br"), document.createTextNode(p.events + " events · mean Goldstein " + p.goldstein),
      casus.el("br"));
    div.append(casus.el("a", {href: casus.link("/events", base, {place: p.name})}, "open the events"));
    return div;
  }

  function icon(count, cls) {
    const size = count < 10 ? 30 : count < 100 ? 36 : 44;
    return L.divIcon({html: "<span>" + Number(count) + "</span>", className: "place-icon " + cls, iconSize: [size, size]});
  }

  // Rings that cross the antimeridian (Russia, Fiji, Antarctica) jump from +180 to -180;
  // Leaflet would draw that jump as a band across the world. Keep each ring continuous.
  function unwrapRing(ring) {
    let prev = null;
    return ring.map(([lon, lat]) => {
      if (prev !== null) { while (lon - prev > 180) lon -= 360; while (lon - prev < -180) lon += 360; }
      prev = lon;
      return [lon, lat];
    });
  }
  function unwrap(feature) {
    const g = feature.geometry;
    if (!g) return feature;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
    if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(unwrapRing));
    return feature;
  }

  async function draw() {
    const [shapes, iso, data] = await Promise.all([
      casus.getJSON(box.dataset.shapes), casus.getJSON(box.dataset.iso), casus.getJSON(box.dataset.api)]);
    const map = L.map(box, {worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true});
    map.attributionControl.setPrefix(false).addAttribution("Natural Earth");
    const maxCountry = Math.max(1, ...Object.values(data.countries));
    const countries = topojson.feature(shapes, shapes.objects.countries);
    countries.features.forEach(unwrap);
    L.geoJSON(countries, {
      style: (f) => {
        const n = data.countries[iso[f.id]] || 0;
        const t = n ? 0.15 + 0.55 * Math.sqrt(n / maxCountry) : 0;
        return {color: "#8a96a3", weight: 0.6, fillColor: n ? "#3b6ea5" : "#eef1f4", fillOpacity: n ? t : 1};
      },
      onEachFeature: (f, layer) => {
        const n = data.countries[iso[f.id]] || 0;
        layer.bindTooltip(f.properties.name + (n ? ": " + n + " located events" : ""), {sticky: true});
      },
    }).addTo(map);
    const base = box.dataset.filterQs;
    const clusters = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 45,
      iconCreateFunction: (c) => icon(c.getAllChildMarkers().reduce((n, m) => n + m.options.events, 0), "cluster"),
    });
    for (const p of data.points) {
      const marker = L.marker([p.lat, p.lon], {icon: icon(p.events, "place"), events: p.events, title: p.name});
      marker.bindPopup(popup(p, base));
      clusters.addLayer(marker);
    }
    map.addLayer(clusters);
    if (data.points.length) {
      map.fitBounds(L.latLngBounds(data.points.map((p) => [p.lat, p.lon])).pad(0.6), {maxZoom: 6});
    } else {
      map.setView([25, 20], 2);
    }
    const located = data.points.reduce((n, p) => n + p.events, 0);
    note.textContent = located + " located events at " + data.points.length + " places";
    box.dataset.ready = "true";
  }

  draw().catch((e) => casus.fail(box, e));
})();
