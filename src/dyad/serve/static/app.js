// dyad dashboard: draws the charts and the map as SVG from /v1/stats and data the page embeds.
// Stored text only ever reaches the page through textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const TYPE_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#17becf"];

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

function tip(node, text) {
  el("title", {}, node).textContent = text;
}

function clear(figure) {
  while (figure.firstChild) figure.removeChild(figure.firstChild);
}

function say(figure, text) {
  clear(figure);
  const p = document.createElement("p");
  p.className = "muted";
  p.textContent = text;
  figure.appendChild(p);
}

let statsPromise = null;
function stats(url) {
  if (!statsPromise) {
    statsPromise = fetch(url, {headers: {Accept: "application/json"}}).then((r) => {
      if (!r.ok) throw new Error("stats: HTTP " + r.status);
      return r.json();
    });
  }
  return statsPromise;
}

// Stacked bars: rows of {date, key: count}, one bar per day, series drawn bottom up.
function stackedBars(figure, rows, series, label, unit) {
  clear(figure);
  if (!rows.length) return say(figure, "No dated events.");
  const width = 960, height = 260, left = 40, bottom = 28, top = 10, right = 10;
  const svg = el("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "bars"}, figure);
  tip(svg, label);
  const index = (iso) => unit === "month" ? (Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1)
    : Math.round(Date.parse(iso) / 86400000);
  const first = index(rows[0].date), last = index(rows[rows.length - 1].date);
  const days = Math.max(1, last - first + 1);
  const slot = (width - left - right) / days;
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r[s.key] || 0), 0));
  const max = Math.max(1, ...totals);
  const y = (v) => height - bottom - (v / max) * (height - bottom - top);
  el("line", {x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "axis"}, svg);
  for (const v of [max, Math.round(max / 2)]) {
    el("line", {x1: left, x2: width - right, y1: y(v), y2: y(v), class: "grid"}, svg);
    el("text", {x: left - 6, y: y(v) + 4, class: "tick", "text-anchor": "end"}, svg).textContent = String(v);
  }
  rows.forEach((row, i) => {
    const x = left + (index(row.date) - first) * slot;
    let base = 0;
    for (const s of series) {
      const n = row[s.key] || 0;
      if (!n) continue;
      const rect = el("rect", {x: x + slot * 0.1, width: Math.max(slot * 0.8, 1), y: y(base + n),
        height: Math.max(y(base) - y(base + n), 0.5), class: "bar " + (s.cls || ""), fill: s.fill || ""}, svg);
      if (!s.fill) rect.removeAttribute("fill");
      const when = unit === "month" ? row.date.slice(0, 7) : row.date;
      tip(rect, `${when}: ${n} ${s.name} (${totals[i]} in all)`);
      base += n;
    }
  });
  const ticks = Math.min(6, days);
  for (let t = 0; t < ticks; t++) {
    const day = Math.round((t * (days - 1)) / Math.max(ticks - 1, 1));
    const n = first + day;
    const date = unit === "month" ? `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`
      : new Date(n * 86400000).toISOString().slice(0, 10);
    const anchor = ticks > 1 && t === 0 ? "start" : ticks > 1 && t === ticks - 1 ? "end" : "middle";
    el("text", {x: left + (day + 0.5) * slot, y: height - 8, class: "tick", "text-anchor": anchor}, svg).textContent = date;
  }
  const legend = document.createElement("p");
  legend.className = "legend";
  for (const s of series) {
    const swatch = document.createElement("span");
    swatch.className = "swatch " + (s.cls || "");
    if (s.fill) swatch.dataset.fill = s.fill;
    legend.appendChild(swatch);
    legend.appendChild(document.createTextNode(" " + s.name + " "));
  }
  figure.appendChild(legend);
  for (const swatch of legend.querySelectorAll("[data-fill]")) {
    // a colour set through the CSSOM, which the page's content security policy allows
    swatch.style.background = swatch.dataset.fill;
  }
}

// Over a long span (historical events reach back years), days are summed into months.
function binned(rows, unit) {
  if (unit === "month") return {rows, unit};
  if (rows.length < 2) return {rows, unit: "day"};
  const span = (Date.parse(rows[rows.length - 1].date) - Date.parse(rows[0].date)) / 86400000;
  if (span <= 400) return {rows, unit: "day"};
  const months = new Map();
  for (const row of rows) {
    const key = row.date.slice(0, 7) + "-01";
    const sum = months.get(key) || {date: key};
    for (const [k, v] of Object.entries(row)) if (k !== "date") sum[k] = (sum[k] || 0) + v;
    months.set(key, sum);
  }
  return {rows: [...months.values()], unit: "month"};
}

function drawChart(figure, data, by) {
  const title = document.getElementById("chart-title");
  if (by === "type") {
    const types = Object.keys(data.by_type);
    const series = types.map((t, i) => ({key: t, name: t, fill: TYPE_COLOURS[i % TYPE_COLOURS.length]}));
    const {rows, unit} = binned(data.per_day_type, data.unit);
    stackedBars(figure, rows, series, `Events per ${unit} by PLOVER type`, unit);
    if (title) title.textContent = `Events per ${unit}`;
  } else {
    const series = [1, 2, 3, 4].map((q) => ({key: String(q), name: QUADS[q], cls: "q" + q}));
    const {rows, unit} = binned(data.per_day_quad_class, data.unit);
    stackedBars(figure, rows, series, `Events per ${unit} by GDELT QuadClass`, unit);
    if (title) title.textContent = `Events per ${unit}`;
  }
  figure.dataset.drawn = "yes";
}

// Equirectangular world map: land outline from the bundled world-atlas file, events as circles.
function drawMap(figure, world, places) {
  clear(figure);
  const width = 720, height = 360;
  const x = (lon) => ((lon + 180) / 360) * width;
  const y = (lat) => ((90 - lat) / 180) * height;
  const svg = el("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "world"}, figure);
  tip(svg, "Event locations");
  el("rect", {x: 0, y: 0, width, height, class: "sea"}, svg);
  let d = "";
  for (const ring of world.rings) {
    // a ring that crosses the antimeridian (Chukotka, Fiji) jumps across the map: move there, don't draw
    ring.forEach(([lon, lat], i) => {
      const jump = i && Math.abs(lon - ring[i - 1][0]) > 180;
      d += (i && !jump ? "L" : "M") + x(lon).toFixed(1) + " " + y(lat).toFixed(1);
    });
    d += "Z";
  }
  el("path", {d, class: "land"}, svg);
  const max = Math.max(1, ...places.map((p) => p.events));
  const sorted = places.slice().sort((a, b) => b.events - a.events);
  for (const p of sorted) {
    const resolution = p.resolution >= 4 ? "r5" : p.resolution >= 2 ? "r2" : "r1";
    const circle = el("circle", {cx: x(p.lon).toFixed(1), cy: y(p.lat).toFixed(1),
      r: (2.5 + 7 * Math.sqrt(p.events / max)).toFixed(1),
      class: `spot ${resolution}${p.inferred ? " inferred" : ""}`}, svg);
    const precision = {r5: "city or finer", r2: "region", r1: "country only"}[resolution];
    tip(circle, `${p.place || "?"}: ${p.events} events (${precision}${p.inferred ? ", inferred" : ""})`);
  }
  figure.dataset.drawn = "yes";
  figure.dataset.spots = String(places.length);
}

function overview() {
  const chart = document.getElementById("chart");
  const map = document.getElementById("map");
  if (chart) {
    const select = document.getElementById("chart-by");
    stats(chart.dataset.stats).then((data) => {
      drawChart(chart, data, select.value);
      select.addEventListener("change", () => drawChart(chart, data, select.value));
    }).catch((e) => say(chart, "Could not load the chart: " + e.message));
  }
  if (map) {
    Promise.all([fetch(map.dataset.world).then((r) => r.json()), stats(map.dataset.stats)])
      .then(([world, data]) => drawMap(map, world, data.places))
      .catch((e) => say(map, "Could not load the map: " + e.message));
  }
}

function timeline() {
  const figure = document.getElementById("timeline");
  const data = document.getElementById("timeline-data");
  if (!figure || !data) return;
  const rows = JSON.parse(data.textContent);
  const {rows: binnedRows, unit} = binned(rows);
  stackedBars(figure, binnedRows, [{key: "actor", name: "as actor", cls: "as-actor"},
    {key: "recipient", name: "as recipient", cls: "as-recipient"}], `Events per ${unit} as actor and recipient`, unit);
  figure.dataset.drawn = "yes";
}

function clickableRows() {
  for (const row of document.querySelectorAll("tr[data-href]")) {
    row.addEventListener("click", (event) => {
      if (event.target.closest("a")) return;
      window.location.assign(row.dataset.href);
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  overview();
  timeline();
  clickableRows();
});
