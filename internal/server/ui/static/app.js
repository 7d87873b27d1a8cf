// dossier web UI: progressive enhancement only; every page works without it.
(function () {
  "use strict";

  // #s=START-END highlights the sentences covering that byte span of the
  // article and scrolls to the first.
  function highlight() {
    var m = /^#s=(\d+)-(\d+)$/.exec(location.hash);
    document.querySelectorAll(".s.cited").forEach(function (el) { el.classList.remove("cited"); });
    if (!m) return;
    var start = +m[1], end = +m[2], first = null;
    document.querySelectorAll(".text .s").forEach(function (el) {
      var s = +el.dataset.s, e = +el.dataset.e;
      if (s < end && start < e) {
        el.classList.add("cited");
        if (!first) first = el;
      }
    });
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
    }
  }

  function timeline() {
    var el = document.getElementById("timeline-chart");
    if (!el || !window.vis) return;
    var items = JSON.parse(el.dataset.items || "[]");
    if (!items.length) return;
    var ds = new vis.DataSet(items.map(function (it) {
      return { id: it.id, content: it.content, start: it.start, title: it.title, href: it.href };
    }));
    var tl = new vis.Timeline(el, ds, { stack: true, zoomable: true, height: "200px", margin: { item: 6 } });
    tl.on("select", function (p) {
      var it = p.items.length && ds.get(p.items[0]);
      if (it && it.href) location.href = it.href;
    });
  }

  function cograph() {
    var el = document.getElementById("cograph");
    if (!el || !window.cytoscape) return;
    var g = JSON.parse(el.dataset.graph || "{}");
    var els = [];
    (g.nodes || []).forEach(function (n, i) {
      els.push({ data: { id: n.id, label: n.label, type: n.type, weight: n.weight, href: n.href, center: i === 0 } });
    });
    (g.edges || []).forEach(function (e) { els.push({ data: { source: e.source, target: e.target, weight: e.weight } }); });
    var colors = { PER: "#f2b866", ORG: "#6aa9e9", GPE: "#74c08a", LOC: "#74c08a", MISC: "#b79be6" };
    var cy = cytoscape({
      container: el, elements: els,
      layout: { name: "concentric", concentric: function (n) { return n.data("center") ? 2 : 1; }, levelWidth: function () { return 1; }, minNodeSpacing: 18 },
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
          "background-color": function (n) { return colors[n.data("type")] || "#aaa"; },
          "width": function (n) { return 12 + 4 * Math.min(n.data("weight"), 8); }, "height": function (n) { return 12 + 4 * Math.min(n.data("weight"), 8); } } },
        { selector: "edge", style: { "width": function (e) { return Math.min(1 + e.data("weight"), 6); }, "line-color": "#c9d2dc" } }
      ]
    });
    cy.on("tap", "node", function (ev) { var h = ev.target.data("href"); if (h) location.href = h; });
  }

  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", function () { highlight(); timeline(); cograph(); });
})();
