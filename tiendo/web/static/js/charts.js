/* Charts of the overview and of an indicator's page. The numbers are already in the page's
   HTML; this script only draws them, from the JSON the server put in the page. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var COLORS = {in_progress: "#4299e1", overdue: "#d63939", done_on_time: "#2fb344", done_late: "#f76707"};
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
    var heatMax = Math.max.apply(null, [1].concat(d.heat.cells.map(function (c) { return c[2]; })));
    var heatEl = document.getElementById("chart-heat");
    if (heatEl) { heatEl.style.height = Math.max(180, 36 * d.heat.units.length + 90) + "px"; }
    make("chart-heat", {
      tooltip: {position: "top"},
      grid: {left: 8, right: 8, top: 8, bottom: 8, containLabel: true},
      xAxis: {type: "category", position: "top", data: d.heat.short,
        axisLabel: {interval: 0, width: 64, overflow: "break", fontSize: 11}},
      yAxis: {type: "category", data: d.heat.units, inverse: true, axisLabel: {width: 120, overflow: "truncate"}},
      visualMap: {min: 0, max: heatMax, show: false, inRange: {color: ["#f1f5f9", "#206bc4"]}},
      series: [{type: "heatmap", data: d.heat.cells, label: {show: true}}]
    });
    make("chart-trend", {
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
    make("chart-history", {
      tooltip: {trigger: "axis", valueFormatter: vn},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: 40, containLabel: true},
      xAxis: {type: "category", data: h.labels},
      yAxis: numberAxis,
      series: [
        {name: h.names[0], type: "bar", barMaxWidth: 40, data: h.plan, itemStyle: {color: "#94a3b8"}},
        {name: h.names[1], type: "bar", barMaxWidth: 40, data: h.actual, itemStyle: {color: "#206bc4"}}
      ]
    });
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
