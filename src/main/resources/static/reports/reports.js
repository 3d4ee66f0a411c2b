// The supervisors' report page: reads /api/reports/summary, /api/reports/early-warnings,
// /api/reports/education-actions and /api/imports (same
// origin, the browser's Basic credentials) and draws them with ECharts. Text from the server is
// only ever set as textContent.
'use strict';

const form = document.getElementById('filters');
const status = document.getElementById('status');
const charts = {};

function percent(value) {
  return value == null ? '–' : (value * 100).toFixed(1) + ' %';
}

function number(value, digits) {
  return value == null ? '–' : Number(value).toFixed(digits);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
}

function query() {
  const data = new FormData(form);
  return new URLSearchParams({ from: data.get('from'), to: data.get('to'), groupBy: data.get('groupBy') });
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    // the session ended (signed out, or timed out): sign in again and come back here
    location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search + location.hash));
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || response.status + ' ' + response.statusText);
  }
  return response.json();
}

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init(document.getElementById(id));
  }
  return charts[id];
}

function showKpis(total) {
  const kpis = [
    ['Received / 受理量', total.received],
    ['Upheld / 支持率', percent(total.upheldRate)],
    ['On time / 按时办结率', percent(total.onTimeRate)],
    ['Median days / 中位办理天数', number(total.medianDaysToDecision, 1)],
    ['90th pct days / 90分位天数', number(total.p90DaysToDecision, 1)],
    ['Extensions / 延期次数', total.extensionsUsed],
    ['Re-verification / 核查率', percent(total.reverificationRate)],
    ['Satisfaction / 满意度', number(total.meanSatisfaction, 2)],
    ['Repeat / 重复投诉率', percent(total.repeatRate)],
  ];
  const section = document.getElementById('kpis');
  section.replaceChildren(...kpis.map(([name, value]) => {
    const div = document.createElement('div');
    div.className = 'kpi';
    const v = document.createElement('div');
    v.className = 'value';
    v.textContent = value;
    const n = document.createElement('div');
    n.className = 'name';
    n.textContent = name;
    div.append(v, n);
    return div;
  }));
}

function showCharts(report) {
  const groups = report.groups;
  const labels = groups.map(g => g.label);
  chart('chart-volume').setOption({
    title: { text: 'Volume / 投诉量', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, bottom: 24, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [{ type: 'bar', name: 'Received / 受理量', data: groups.map(g => g.received) }],
  }, true);
  const causes = Object.entries(report.total.rootCauses || {}).map(([name, value]) => ({ name, value }));
  chart('chart-root-causes').setOption({
    title: { text: 'Root causes / 根本原因', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: causes }],
  }, true);
  chart('chart-timeliness').setOption({
    title: { text: 'On time and upheld / 按时率与支持率', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : v.toFixed(1) + ' %' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30, fontSize: 10 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { type: 'bar', name: 'On time / 按时', data: groups.map(g => g.onTimeRate == null ? null : g.onTimeRate * 100) },
      { type: 'bar', name: 'Upheld / 支持', data: groups.map(g => g.upheldRate == null ? null : g.upheldRate * 100) },
    ],
  }, true);
}

function showTable(report) {
  const columns = [
    ['Group / 分组', f => f.label], ['Received / 受理', f => f.received], ['Decided / 已决定', f => f.decided],
    ['Upheld / 支持率', f => percent(f.upheldRate)], ['On time / 按时率', f => percent(f.onTimeRate)],
    ['Median days / 中位天数', f => number(f.medianDaysToDecision, 1)],
    ['P90 days / 90分位', f => number(f.p90DaysToDecision, 1)], ['Extensions / 延期', f => f.extensionsUsed],
    ['Re-verified / 核查', f => f.reverificationsRequested], ['Satisfaction / 满意度', f => number(f.meanSatisfaction, 2)],
    ['Repeat / 重复率', f => percent(f.repeatRate)], ['Withdrawn / 撤回', f => f.withdrawn],
    ['Redress paid on time / 赔付按时率', f => percent(f.redressOnTimeRate)],
    ['Outside referrals / 外部转介', f => f.externalReferrals], ['Reopened / 重新处理', f => f.reopenedComplaints],
  ];
  const table = document.getElementById('figures');
  const head = document.createElement('tr');
  columns.forEach(([name]) => {
    const th = document.createElement('th');
    th.textContent = name;
    head.appendChild(th);
  });
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...[report.total, ...report.groups].map(figures => {
    const row = document.createElement('tr');
    columns.forEach(([, value]) => cell(row, value(figures)));
    return row;
  }));
}

function showWarnings(warnings) {
  document.querySelector('#warnings tbody').replaceChildren(...warnings.map(w => {
    const row = document.createElement('tr');
    [w.businessKey, w.label, w.observed, number(w.expected, 1),
      w.windowStart.substring(0, 16).replace('T', ' ') + ' – ' + w.windowEnd.substring(11, 16),
      w.raisedAt.substring(0, 16).replace('T', ' ')].forEach(text => cell(row, text));
    return row;
  }));
}

// financial-education actions (客户教育、宣传) with their measured effect, newest first
function showEducation(actions) {
  document.querySelector('#education tbody').replaceChildren(...actions.map(a => {
    const row = document.createElement('tr');
    const verdict = a.effective == null ? a.status : a.effective ? 'Effective / 有效' : 'Not effective / 无明显效果';
    [a.businessKey, a.product, a.rootCause, a.channel || '', a.audience || '', a.heldOn || '',
      a.reach == null ? '' : a.reach, a.effect ? a.effect.complaintsBefore : '', a.effect ? a.effect.complaintsSince : '',
      verdict].forEach(text => cell(row, text));
    return row;
  }));
}

// background imports of regulator files (GET /api/imports): progress of the running ones, polled while any runs
let importsTimer = null;

function showImports(imports) {
  document.querySelector('#imports tbody').replaceChildren(...imports.map(i => {
    const tr = document.createElement('tr');
    cell(tr, i.status + (i.failure ? ': ' + i.failure : ''));
    cell(tr, i.startedAt.substring(0, 16).replace('T', ' '));
    cell(tr, i.startedBy || '');
    cell(tr, i.processed + ' / ' + i.rows + ' (' + percent(i.rows ? i.processed / i.rows : 0) + ')');
    cell(tr, i.created);
    cell(tr, i.alreadyImported);
    cell(tr, i.merged);
    cell(tr, i.rejected);
    cell(tr, i.rowsPerSecond == null ? '' : number(i.rowsPerSecond, 1));
    cell(tr, i.runningOn || '');
    return tr;
  }));
  clearTimeout(importsTimer);
  if (imports.some(i => i.status === 'RUNNING')) {
    importsTimer = setTimeout(loadImports, 5000);
  }
}

async function loadImports() {
  try {
    showImports(await getJson('/api/imports'));
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  }
}

async function load(event) {
  if (event) {
    event.preventDefault();
  }
  status.className = '';
  status.textContent = 'Loading… / 加载中…';
  const params = query();
  document.getElementById('csv').href = '/api/reports/summary?' + params + '&format=csv';
  try {
    const [report, warnings, education] = await Promise.all([
      getJson('/api/reports/summary?' + params),
      getJson('/api/reports/early-warnings?status=OPEN'),
      getJson('/api/reports/education-actions'),
    ]);
    showKpis(report.total);
    showCharts(report);
    showTable(report);
    showWarnings(warnings);
    showEducation(education);
    loadImports();
    status.textContent = 'Complaints received ' + report.from + ' – ' + report.to + ', as of '
      + report.asOf.substring(0, 16).replace('T', ' ');
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  }
}

const today = new Date();
const monthAgo = new Date(today.getTime() - 29 * 24 * 3600 * 1000);
form.elements.to.value = today.toISOString().substring(0, 10);
form.elements.from.value = monthAgo.toISOString().substring(0, 10);
form.addEventListener('submit', load);
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
load();
