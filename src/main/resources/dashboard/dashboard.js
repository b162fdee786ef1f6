// The dashboard: polls the API every 2 s and draws plain SVG, so it works offline with no library.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];
const RISK_COLORS = { LOW: "#16a34a", MEDIUM: "#ca8a04", HIGH: "#dc2626" };
const REFRESH_MS = 2000;
const MAX_COHORTS = 8;

let currency = "";
let lastOrders = null;

function el(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, anchor) {
  el("text", { x, y, "text-anchor": anchor || "start" }, parent).textContent = content;
}

function money(value) {
  return value.toLocaleString(undefined, { maximumFractionDigits: 0 }) + " " + currency;
}

// With http.auth.api.keys set, the API asks for a key: the dashboard asks the user once and keeps
// it for this browser tab only.
async function authorizedFetch(path) {
  const key = sessionStorage.getItem("ltv-api-key");
  const response = await fetch(path, key ? { headers: { Authorization: "Bearer " + key } } : {});
  if (response.status === 401) {
    const entered = window.prompt("API key of this LTV engine");
    if (entered) {
      sessionStorage.setItem("ltv-api-key", entered.trim());
      return authorizedFetch(path);
    }
  }
  return response;
}

async function getJson(path) {
  const response = await authorizedFetch(path);
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

// Bars with their count on top; the chart's height follows the largest bar.
function drawBars(svg, entries, colorOf) {
  svg.replaceChildren();
  const [width, height, bottom] = [360, 200, 24];
  const max = Math.max(1, ...entries.map(([, group]) => group.customers));
  const slot = width / entries.length;
  entries.forEach(([name, group], i) => {
    const barHeight = (height - bottom - 20) * group.customers / max;
    const x = i * slot + slot * 0.15;
    el("rect", {
      class: "bar", x, y: height - bottom - barHeight, width: slot * 0.7, height: barHeight,
      fill: colorOf(name, i), "data-label": name, "data-value": group.customers,
    }, svg);
    text(svg, x + slot * 0.35, height - bottom - barHeight - 4, group.customers, "middle");
    text(svg, x + slot * 0.35, height - 8, name, "middle");
  });
}

// One polyline per acquisition-month cohort: cumulative revenue per customer by month.
function drawCohortCurves(svg, cohorts) {
  svg.replaceChildren();
  const [width, height, left, bottom] = [760, 260, 56, 24];
  const shown = cohorts.filter((c) => c.customers > 0).slice(-MAX_COHORTS);
  const maxMonth = Math.max(1, ...shown.map((c) => c.months.length - 1));
  const maxValue = Math.max(1, ...shown.flatMap((c) => c.months.map((m) => m.cumulativeRevenuePerCustomer)));
  const x = (month) => left + (width - left - 110) * month / maxMonth;
  const y = (value) => height - bottom - (height - bottom - 10) * value / maxValue;
  el("line", { class: "axis", x1: left, y1: height - bottom, x2: width - 110, y2: height - bottom }, svg);
  el("line", { class: "axis", x1: left, y1: 10, x2: left, y2: height - bottom }, svg);
  text(svg, left - 4, 14, money(maxValue), "end");
  text(svg, left - 4, height - bottom, "0", "end");
  text(svg, left, height - 6, "month 0");
  text(svg, width - 110, height - 6, "month " + maxMonth, "end");
  shown.forEach((cohort, i) => {
    const color = COLORS[i % COLORS.length];
    const points = cohort.months.map((m) => x(m.monthsSinceAcquisition) + "," + y(m.cumulativeRevenuePerCustomer));
    el("polyline", { class: "curve", points: points.join(" "), stroke: color, "data-cohort": cohort.cohort }, svg);
    cohort.months.forEach((m) => el("circle", {
      class: "point", cx: x(m.monthsSinceAcquisition), cy: y(m.cumulativeRevenuePerCustomer), r: 2.5, fill: color,
    }, svg));
    el("rect", { x: width - 100, y: 14 + i * 16, width: 10, height: 10, fill: color }, svg);
    text(svg, width - 86, 23 + i * 16, cohort.cohort + " (" + cohort.customers + ")");
  });
  if (shown.length === 0) text(svg, width / 2, height / 2, "no cohorts yet", "middle");
}

function fillTable(id, rows) {
  const body = document.querySelector("#" + id + " tbody");
  body.replaceChildren();
  rows.forEach((cells) => {
    const row = body.insertRow();
    cells.forEach(([content, numeric]) => {
      const cell = row.insertCell();
      cell.textContent = content;
      if (numeric) cell.className = "num";
    });
  });
}

// Orders per second from the Prometheus counter of accepted orders, between two polls.
function updateThroughput(metrics) {
  const line = metrics.split("\n").find((l) => l.startsWith("ltv_orders_total") && l.includes('result="accepted"'));
  const orders = line ? parseFloat(line.split(" ").pop()) : 0;
  const now = Date.now();
  if (lastOrders) {
    const rate = (orders - lastOrders.orders) / ((now - lastOrders.at) / 1000);
    document.getElementById("kpi-throughput").textContent = rate.toFixed(1);
  }
  lastOrders = { orders, at: now };
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    const [segments, cohorts, alerts, metrics] = await Promise.all([
      getJson("/api/segments"), getJson("/api/cohorts"), getJson("/api/alerts/recent"),
      authorizedFetch("/metrics").then((r) => r.text()),
    ]);
    currency = cohorts.currency;
    document.getElementById("kpi-customers").textContent = segments.customers;
    const total = Object.values(segments.bySegment).reduce((sum, g) => sum + g.value, 0);
    document.getElementById("kpi-value").textContent = money(total);
    drawCohortCurves(document.getElementById("cohort-curves"), cohorts.byAcquisitionMonth);
    drawBars(document.getElementById("risk-tiers"), Object.entries(segments.byRiskTier),
      (name) => RISK_COLORS[name] || "#6b7280");
    drawBars(document.getElementById("segments"), Object.entries(segments.bySegment),
      (name, i) => COLORS[i % COLORS.length]);
    fillTable("top-customers", segments.topCustomers.map((c) => [
      [c.customerId], [c.segment], [c.riskTier], [c.orders, true], [money(c.value), true]]));
    fillTable("recent-alerts", alerts.map((a) => [
      [new Date(a.emittedAt).toLocaleString()], [a.customerId], [a.type],
      [a.daysSinceLastPurchase.toFixed(0), true], [money(a.historicalLtv), true]]));
    updateThroughput(metrics);
    status.textContent = "live";
    status.className = "status ok";
  } catch (error) {
    status.textContent = "unavailable: " + error.message;
    status.className = "status down";
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
