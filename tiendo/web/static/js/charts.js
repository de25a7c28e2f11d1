/* Charts of the overview and of an indicator's page. The numbers are already in the page's
   HTML; this script only draws them, from the JSON the server put in the page. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var COLORS = {in_progress: "#1e6fb8", overdue: "#c42626", done_on_time: "#1f7a34", done_late: "#b35c00"};
  var charts = [];

  function read(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function make(id, option) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var chart = window.echarts.init(el, null, {renderer: "svg"});
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }
  var NF = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 2});
  function vn(n) { return (n === null || n === undefined) ? "" : NF.format(n); }
  var numberAxis = {type: "value", axisLabel: {formatter: function (v) { return vn(v); }}};

  var d = read("dashboard-data");
  if (d) {
    var donut = make("chart-status", {
      tooltip: {trigger: "item"},
      legend: {bottom: 0, type: "plain"},
      series: [{type: "pie", radius: ["40%", "65%"], center: ["50%", "40%"],
        label: {formatter: "{c}"},
        data: d.status.filter(function (s) { return s.value > 0; }).map(function (s) {
          return {name: s.name, value: s.value, key: s.key, itemStyle: {color: COLORS[s.key]}};
        })}]
    });
    if (donut && d.links) {
      donut.on("click", function (p) { window.location.href = d.links.tasks + "&status=" + p.data.key; });
    }
    make("chart-attain", {
      tooltip: {trigger: "axis", valueFormatter: function (v) { return vn(v) + "%"; }},
      grid: {left: 8, right: 24, top: 8, bottom: 8, containLabel: true},
      xAxis: {type: "value", axisLabel: {formatter: function (v) { return vn(v) + "%"; }}},
      yAxis: {type: "category", inverse: true, data: d.attain.names, axisTick: {show: false},
        axisLabel: {width: 150, overflow: "truncate"}},
      series: [{type: "bar", data: d.attain.values.map(function (v) {
        return {value: v, itemStyle: {color: v >= 100 ? "#2fb344" : "#d63939"}};
      }), markLine: {symbol: "none", data: [{xAxis: 100}], lineStyle: {color: "#666"}}}]
    });
    // One colour per status (overdue red, done green…), deeper as the count grows within
    // that status: the darkest red is the unit with the most overdue tasks, not the best one.
    var HEAT_KEYS = ["in_progress", "overdue", "done_on_time", "done_late"];
    var colMax = HEAT_KEYS.map(function (_k, j) {
      return Math.max.apply(null, [1].concat(d.heat.cells.filter(function (c) { return c[0] === j; })
        .map(function (c) { return c[2]; })));
    });
    function mix(hex, share) {  // hex colour mixed with white; share 0 → white, 1 → the colour
      var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
      function ch(x) { return Math.round(255 - (255 - x) * share); }
      return "rgb(" + ch(r) + "," + ch(g) + "," + ch(b) + ")";
    }
    var heatEl = document.getElementById("chart-heat");
    if (heatEl) { heatEl.style.height = Math.max(180, 36 * d.heat.units.length + 90) + "px"; }
    var unitLabel = heatEl && heatEl.clientWidth < 500 ? 84 : 140;
    var colWidth = heatEl ? Math.max(48, (heatEl.clientWidth - unitLabel - 24) / HEAT_KEYS.length - 6) : 64;
    make("chart-heat", {
      tooltip: {position: "top", formatter: function (p) {
        return d.heat.units[p.data.value[1]] + " — " + d.heat.statuses[p.data.value[0]] + ": " + p.data.value[2];
      }},
      grid: {left: 8, right: 8, top: 8, bottom: 8, containLabel: true},
      xAxis: {type: "category", position: "top", data: d.heat.short,
        axisLabel: {interval: 0, width: colWidth, overflow: "break", fontSize: 11, lineHeight: 13},
        axisTick: {show: false}, splitArea: {show: false}},
      yAxis: {type: "category", data: d.heat.units, inverse: true,
        axisLabel: {width: unitLabel, overflow: "truncate"}, axisTick: {show: false}},
      series: [{type: "heatmap", itemStyle: {borderColor: "#fff", borderWidth: 2},
        data: d.heat.cells.map(function (c) {
          var share = c[2] ? 0.2 + 0.8 * c[2] / colMax[c[0]] : 0;
          var colour = c[2] ? mix(COLORS[HEAT_KEYS[c[0]]], share) : "#f1f5f9";
          return {value: c, itemStyle: {color: colour},
            label: {show: true, color: share > 0.55 ? "#fff" : "#1d273b", fontWeight: 600}};
        })}]
    });
    var trendEl = document.getElementById("chart-trend");
    var quartersWithData = d.trend.labels.filter(function (_l, i) {
      return (d.trend.met[i] || 0) + (d.trend.not_met[i] || 0) + (d.trend.on_time[i] || 0) > 0;
    }).length;
    if (trendEl && quartersWithData < 2) {
      // One quarter is not a trend: say so instead of drawing a lone bar.
      trendEl.classList.add("chart-empty");
      trendEl.removeAttribute("role");
      trendEl.textContent = trendEl.getAttribute("data-empty") || "";
    } else make("chart-trend", {
      tooltip: {trigger: "axis"},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: 56, containLabel: true},
      xAxis: {type: "category", data: d.trend.labels},
      yAxis: {type: "value", minInterval: 1, axisLabel: numberAxis.axisLabel},
      series: [
        {name: d.trend.names[0], type: "bar", stack: "t", barMaxWidth: 48, data: d.trend.met, itemStyle: {color: "#2fb344"}},
        {name: d.trend.names[1], type: "bar", stack: "t", data: d.trend.not_met, itemStyle: {color: "#d63939"}},
        {name: d.trend.names[2], type: "line", data: d.trend.on_time, itemStyle: {color: "#4299e1"}}
      ]
    });
  }

  var h = read("indicator-data");
  if (h) {
    var past = h.combined && h.combined.some(function (v) { return v !== null; });
    make("chart-history", {
      tooltip: {trigger: "axis", valueFormatter: vn},
      legend: {bottom: 0},
      // a third legend entry wraps to a second line on a phone
      grid: {left: 8, right: 8, top: 16, bottom: past ? 64 : 40, containLabel: true},
      xAxis: {type: "category", data: h.labels},
      yAxis: numberAxis,
      series: [
        {name: h.names[0], type: "bar", barMaxWidth: 40, data: h.plan, itemStyle: {color: "#94a3b8"}},
        {name: h.names[1], type: "bar", barMaxWidth: 40, data: h.actual, stack: "actual", itemStyle: {color: "#206bc4"}}
      ].concat(past ? [
        // the years before a merger, combined from the predecessor units
        {name: h.names[2], type: "bar", barMaxWidth: 40, data: h.combined, stack: "actual",
         itemStyle: {color: "#a5c8ef", decal: {symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8, color: "#206bc4"}}}
      ] : [])
    });
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
