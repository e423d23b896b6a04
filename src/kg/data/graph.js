/* kg graph page: the behaviour of graph.html (written by kg.viz; data in #kg-data).
 *
 * Legend rows filter types and predicates; unconnected nodes are hidden behind a toggle and
 * laid out in a grid under the graph; the layout runs once and is then frozen; labels grow with
 * degree and zoom (too small to read: not drawn); search focuses a node's neighbourhood; a click opens the
 * side panel (names, type, relations with qualifiers, source sentences); PNG export.
 * Every text from the data is shown with textContent or as a vis-network string tooltip (shown as
 * text), never parsed as HTML.
 */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = {};
  var hiddenTypes = {};
  var hiddenPredicates = {};
  var showIsolates = false;
  var ready = false;
  var LEGEND_WIDTH = 270;
  DATA.options.nodes.scaling.customScalingFunction = function (min, max, total, value) {
    return max === min ? 0.5 : Math.sqrt((value - min) / (max - min));
  };

  function q(edge) {
    var parts = [];
    ["edition", "year", "grade", "role", "date"].forEach(function (k) {
      if (edge.q[k] !== undefined && edge.q[k] !== null) { parts.push(k + " " + edge.q[k]); }
    });
    return parts.join(", ");
  }
  function shorten(text, n) { return text.length > n ? text.slice(0, n) + "…" : text; }
  function typeName(t) { return t + " " + (DATA.types[t] || ""); }

  DATA.nodes.forEach(function (n) {
    byId[n.id] = n;
    var lines = [n.label, typeName(n.t)];
    if (n.a.length) { lines.push("别名 aliases: " + n.a.join("、")); }
    lines.push(n.d + " relation(s), " + n.r.length + " report(s)");
    n.title = lines.join("\n");
    if (n.c < 0) { n.physics = false; }
  });
  DATA.edges.forEach(function (e) {
    var lines = [byId[e.from].label + " —" + e.p + "→ " + byId[e.to].label];
    var quals = q(e);
    if (quals) { lines.push(quals); }
    e.src.forEach(function (s) { lines.push("[" + s[0] + "] " + shorten(s[1], 160)); });
    e.title = lines.join("\n");
  });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  function nodeShown(n) { return !hiddenTypes[n.t] && (showIsolates || n.c >= 0); }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeShown(byId[n.id]); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return !hiddenPredicates[e.p] && nodeShown(byId[e.from]) && nodeShown(byId[e.to]); }
  });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);

  network.on("beforeDrawing", function (ctx) {  // a white background, so that the PNG has one too
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
  }

  function placeIsolates() {
    var placed = DATA.nodes.filter(function (n) { return n.c >= 0; }).map(function (n) { return n.id; });
    var pos = network.getPositions(placed);
    var minX = 0, maxX = 0, maxY = 0, first = true;
    Object.keys(pos).forEach(function (id) {
      var p = pos[id];
      if (first) { minX = maxX = p.x; maxY = p.y; first = false; }
      minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y);
    });
    var lonely = DATA.nodes.filter(function (n) { return n.c < 0; });
    var cols = Math.max(1, Math.ceil(Math.sqrt(lonely.length * 2)));
    var step = 170;
    var x0 = (minX + maxX) / 2 - (cols - 1) * step / 2;
    var updates = lonely.map(function (n, i) {
      return { id: n.id, x: x0 + (i % cols) * step, y: maxY + 250 + Math.floor(i / cols) * 90 };
    });
    if (updates.length) { nodes.update(updates); }
  }

  function centre() {
    var shown = nodeView.getIds();
    var connected = shown.filter(function (id) { return byId[id].c >= 0; });
    network.fit({ nodes: connected.length ? connected : shown, animation: false });
    var main = shown.filter(function (id) { return byId[id].c === 0; });
    if (main.length) {
      var pos = network.getPositions(main), sx = 0, sy = 0;
      main.forEach(function (id) { sx += pos[id].x; sy += pos[id].y; });
      // centred on the main component, a little further out so that what the shift moves off
      // the fitted view's edges stays in sight
      network.moveTo({ position: { x: sx / main.length, y: sy / main.length }, scale: network.getScale() * 0.9,
                       offset: { x: LEGEND_WIDTH / 2, y: 0 }, animation: false });
    }
  }

  // Label sizes for the fitted zoom: the ~30 best-connected nodes' labels at least 11 px on screen.
  function sizeLabels() {
    var label = DATA.options.nodes.scaling.label;
    var degrees = DATA.nodes.map(function (n) { return n.d; }).sort(function (a, b) { return b - a; });
    if (!degrees.length || degrees[0] === degrees[degrees.length - 1]) { return; }
    var lo = degrees[degrees.length - 1], hi = degrees[0];
    var dk = Math.max(Math.min(2, hi), degrees[Math.min(29, degrees.length - 1)]);
    var fk = Math.max(0.05, Math.sqrt((dk - lo) / (hi - lo)));
    var wanted = (label.drawThreshold + 1) / network.getScale();
    var max = Math.max(label.min + 2, Math.min(200, label.min + (wanted - label.min) / fk));
    network.setOptions({ nodes: { scaling: { label: { max: max } } } });
  }

  function whenStable() {
    if (ready) { return; }
    ready = true;
    network.setOptions({ physics: false });
    centre();
    sizeLabels();
    // Keep the positions in the DataSet, so that a node the filters take out and put back returns
    // to its place (this update also makes vis-network apply the new label sizes).
    // network.storePositions() would read every node of the DataSet, also those the view hides.
    var positions = network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) {
      return { id: id, x: positions[id].x, y: positions[id].y };
    }));
    placeIsolates();
    document.getElementById("loading").style.display = "none";
    if (DATA.centre && byId[DATA.centre]) { focusNode(DATA.centre); }
    focusFromHash();
    document.body.setAttribute("data-ready", "1");
  }
  network.on("stabilizationProgress", function (p) {
    document.getElementById("progress").textContent = Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", whenStable);
  if (nodeView.length === 0) { setTimeout(whenStable, 0); }

  // -- the legend is a filter ---------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll(".legend-row"), function (row) {
    row.addEventListener("click", function () {
      var t = row.getAttribute("data-type"), p = row.getAttribute("data-predicate");
      if (t) { hiddenTypes[t] = !hiddenTypes[t]; row.classList.toggle("off", hiddenTypes[t]); }
      if (p) { hiddenPredicates[p] = !hiddenPredicates[p]; row.classList.toggle("off", hiddenPredicates[p]); }
      refresh();
    });
  });
  var isolates = document.getElementById("isolates");
  isolates.addEventListener("change", function () { showIsolates = isolates.checked; refresh(); });

  // -- search ---------------------------------------------------------------------------------
  var datalist = document.getElementById("names");
  var seen = {};
  DATA.nodes.slice().sort(function (a, b) { return b.d - a.d; }).forEach(function (n) {
    [n.label].concat(n.a).forEach(function (name) {
      if (seen[name] || datalist.childElementCount >= 5000) { return; }
      seen[name] = true;
      var option = document.createElement("option");
      option.value = name;
      datalist.appendChild(option);
    });
  });

  function findNode(text) {
    text = (text || "").trim();
    if (!text) { return null; }
    var best = null, bestKey = null;
    DATA.nodes.forEach(function (n) {
      var rank = 9;
      [n.label].concat(n.a).forEach(function (name) {
        if (name === text) { rank = Math.min(rank, 0); }
        else if (name.indexOf(text) === 0) { rank = Math.min(rank, 1); }
        else if (name.indexOf(text) >= 0) { rank = Math.min(rank, 2); }
      });
      if (rank === 9) { return; }
      var key = [rank, -n.d, n.label.length];
      if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] ||
          (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = n; bestKey = key;
      }
    });
    return best ? best.id : null;
  }

  function focusNode(id) {
    var n = byId[id];
    if (!n) { return; }
    if (hiddenTypes[n.t]) {
      hiddenTypes[n.t] = false;
      var row = document.querySelector('.legend-row[data-type="' + n.t + '"]');
      if (row) { row.classList.remove("off"); }
    }
    if (n.c < 0 && !showIsolates) { showIsolates = true; isolates.checked = true; }
    refresh();
    var around = [id].concat(network.getConnectedNodes(id));
    network.selectNodes([id], true);
    network.fit({ nodes: around, animation: false });
    if (network.getScale() > 1.5) {
      network.moveTo({ position: network.getPosition(id), scale: 1.5, animation: false });
    }
    showPanel(id);
  }

  var search = document.getElementById("search");
  function runSearch() {
    var id = findNode(search.value);
    search.style.background = id || !search.value.trim() ? "" : "#fdd";
    if (id) { focusNode(id); }
    return id;
  }
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { runSearch(); } });
  search.addEventListener("change", runSearch);

  // graph.html#focus=NAME (the report's links) focuses NAME
  function focusFromHash() {
    var match = /^#focus=(.*)$/.exec(window.location.hash);
    if (!match) { return; }
    var name;
    try { name = decodeURIComponent(match[1]); } catch (err) { return; }
    search.value = name;
    runSearch();
  }
  window.addEventListener("hashchange", function () { if (ready) { focusFromHash(); } });

  // -- the side panel ------------------------------------------------------------------------
  var side = document.getElementById("side");
  var body = document.getElementById("side-body");
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function showPanel(id) {
    var n = byId[id];
    body.textContent = "";
    body.appendChild(el("h2", n.label));
    body.appendChild(el("div", "类型 type: " + typeName(n.t), "meta"));
    if (n.a.length) { body.appendChild(el("div", "别名 aliases: " + n.a.join("、"), "meta")); }
    body.appendChild(el("div", "提及 mentions: " + n.m + " in " + n.r.length + " report(s)" +
      (n.r.length ? ": " + n.r.join(", ") : ""), "meta"));
    if (n.sc.length) {
      body.appendChild(el("div", "标准数 standards counts:", "meta"));
      var sc = el("ul");
      n.sc.forEach(function (c) { sc.appendChild(el("li", c[0] + " " + c[1] + (c[2] ? " (" + c[2] + ")" : ""))); });
      body.appendChild(sc);
    }
    var facts = edges.get({ filter: function (e) { return e.from === id || e.to === id; } });
    facts.sort(function (a, b) {
      var da = a.from === id ? 0 : 1, db = b.from === id ? 0 : 1;
      if (da !== db) { return da - db; }
      if (a.p !== b.p) { return a.p < b.p ? -1 : 1; }
      return (b.q.year || 0) - (a.q.year || 0);
    });
    body.appendChild(el("div", "关系 relations (" + facts.length + ")", "meta"));
    var list = el("ul");
    facts.forEach(function (e) {
      var out = e.from === id, other = byId[out ? e.to : e.from];
      var item = el("li");
      item.setAttribute("data-predicate", e.p);
      item.appendChild(document.createTextNode(out ? e.p + " → " : "← " + e.p + " "));
      var link = el("a", other.label);
      link.addEventListener("click", function () { focusNode(other.id); });
      item.appendChild(link);
      var quals = q(e);
      if (quals) { item.appendChild(el("span", "  [" + quals + "]", "q")); }
      e.src.forEach(function (s) { item.appendChild(el("div", "「" + s[1] + "」 — " + s[0], "src")); });
      list.appendChild(item);
    });
    body.appendChild(list);
    side.style.display = "block";
    side.setAttribute("data-node", id);
  }
  side.querySelector(".close").addEventListener("click", function () { side.style.display = "none"; });
  network.on("click", function (params) {
    if (params.nodes.length) { showPanel(params.nodes[0]); }
  });

  // -- tools ----------------------------------------------------------------------------------
  document.getElementById("fit").addEventListener("click", centre);
  function png() {
    var canvas = container.querySelector("canvas");
    return canvas.toDataURL("image/png");
  }
  document.getElementById("png").addEventListener("click", function () {
    var link = document.createElement("a");
    link.href = png();
    link.download = "graph.png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  window.kg = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    find: findNode, focus: focusNode, search: function (text) { search.value = text; return runSearch(); },
    png: png, centre: centre
  };
})();
