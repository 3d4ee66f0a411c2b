// The live board of open cases: reads /api/reports/open-cases (same origin, the browser's credentials)
// every 30 s. Text from the server is only ever set as textContent.
'use strict';

const form = document.getElementById('filters');
const status = document.getElementById('status');

function row(tbody, values) {
  const tr = document.createElement('tr');
  values.forEach(value => {
    const td = document.createElement('td');
    td.textContent = value == null ? '–' : value;
    tr.appendChild(td);
  });
  tbody.appendChild(tr);
}

function counts(id, map) {
  const tbody = document.querySelector('#' + id + ' tbody');
  tbody.replaceChildren();
  Object.entries(map).forEach(([key, cases]) => row(tbody, [key, cases]));
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

function cases(id, list, extra) {
  const tbody = document.querySelector('#' + id + ' tbody');
  tbody.replaceChildren();
  list.forEach(c => row(tbody, [c.complaintNumber, when(c.receivedAt), when(c.decisionDueAt), extra(c), c.stage,
    c.category, c.departments]));
}

function kpis(board) {
  const section = document.getElementById('kpis');
  section.replaceChildren(...[['Open / 在办', board.open], ['Overdue / 已超期', board.overdue],
    ['Due in 7 days / 7日内到期', board.dueThisWeek]].map(([name, value]) => {
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

async function load() {
  const groupBy = new FormData(form).get('groupBy');
  try {
    const response = await fetch('/api/reports/open-cases?' + new URLSearchParams({ groupBy }),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      return;
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || response.status + ' ' + response.statusText);
    }
    const board = await response.json();
    kpis(board);
    counts('age', board.byAgeBand);
    counts('stage', board.byStage);
    counts('clock', board.byClockState);
    const groups = document.querySelector('#groups tbody');
    groups.replaceChildren();
    board.byGroup.forEach(g => row(groups, [g.label, g.cases, g.overdue]));
    document.getElementById('overdue-count').textContent = '(' + board.overdue + ')';
    document.getElementById('week-count').textContent = '(' + board.dueThisWeek + ')';
    cases('overdue', board.overdueCases, c => c.daysOverdue);
    cases('week', board.dueThisWeekCases, c => c.clockState);
    status.className = '';
    status.textContent = 'As of / 截至 ' + when(board.asOf);
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  load();
});
load();
setInterval(load, 30000);
