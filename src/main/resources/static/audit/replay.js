// The audit replay of one case: the diagram of every process version the case ran on, the path it
// took, and its timeline step by step. Everything from the case is set as text (textContent), never
// as HTML: narratives and form values are the customer's and the staff's own words.
'use strict';

(function () {
  const number = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
  // from the origin, so that a page opened as http://user:password@host/… can still fetch
  const api = location.origin + '/api/complaints/' + encodeURIComponent(number);
  const viewers = new Map(); // process instance id -> { viewer, section }
  let entries = [];
  let current = -1;
  let timer = null;

  const $ = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      // the session ended (signed out, or timed out): sign in again and come back here
      location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search + location.hash));
    }
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch (ignored) {
        // not a problem+json body
      }
      throw new Error(detail);
    }
    return response.json();
  }

  function shortTime(time) {
    return time ? time.substring(5, 16).replace('T', ' ') : '';
  }

  function stepTime(time) {
    return time ? time.substring(0, 19).replace('T', ' ') : '';
  }

  function diagramId(activityId) {
    return activityId ? activityId.replace('#multiInstanceBody', '') : activityId;
  }

  async function drawProcess(process) {
    const section = element('section', 'diagram');
    section.dataset.processInstanceId = process.processInstanceId;
    const heading = element('h2', null, (process.processDefinitionName || process.processDefinitionKey)
      + ' · ' + process.processDefinitionKey + ' v' + process.processDefinitionVersion);
    heading.appendChild(element('span', 'meta', shortTime(process.startTime) + ' → '
      + (process.endTime ? shortTime(process.endTime) : '…') + ' · ' + process.state));
    section.appendChild(heading);
    const canvasNode = element('div', 'canvas');
    section.appendChild(canvasNode);
    $('diagrams').appendChild(section);

    const viewer = new BpmnJS({ container: canvasNode });
    await viewer.importXML(process.bpmnXml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport');

    const reached = new Set();
    const labels = new Map();
    for (const step of process.activities) {
      const id = diagramId(step.activityId);
      if (!registry.get(id)) {
        continue;
      }
      // the engine ends an event-based gateway as cancelled once one of its events fires
      if (step.canceled && step.activityType !== 'eventBasedGateway') {
        if (!reached.has(id)) {
          canvas.addMarker(id, 'df-canceled');
        }
        continue;
      }
      reached.add(id);
      canvas.removeMarker(id, 'df-canceled');
      canvas.addMarker(id, step.endTime ? 'df-passed' : 'df-active');
      if (step.activityType && !/Gateway|multiInstanceBody/.test(step.activityType)) {
        const label = shortTime(step.endTime || step.startTime) + (step.assignee ? ' · ' + step.assignee : '');
        labels.set(id, labels.has(id) ? labels.get(id) + '\n' + label : label);
      }
    }
    registry.filter((shape) => shape.type === 'bpmn:SequenceFlow').forEach((flow) => {
      if (flow.source && flow.target && reached.has(flow.source.id) && reached.has(flow.target.id)) {
        canvas.addMarker(flow.id, 'df-passed');
      }
    });
    labels.forEach((text, id) => {
      overlays.add(id, 'df-step', { position: { bottom: 4, left: 0 }, html: element('div', 'df-overlay', text) });
    });
    viewers.set(process.processInstanceId, { viewer, section, registry, canvas });
  }

  function listSteps() {
    const list = $('steps');
    entries.forEach((entry, index) => {
      const item = element('li');
      item.dataset.seq = String(entry.seq);
      item.appendChild(element('span', 'time', stepTime(entry.time)));
      item.appendChild(element('span', 'type', entry.type));
      item.appendChild(document.createTextNode(' ' + (entry.elementName || entry.elementId || '')));
      if (entry.actor) {
        item.appendChild(element('span', 'actor', entry.actor));
      }
      item.addEventListener('click', () => show(index, true));
      list.appendChild(item);
    });
    $('scrubber').max = String(Math.max(entries.length - 1, 0));
  }

  function describe(value) {
    if (value !== null && typeof value === 'object') {
      const list = element('dl');
      Object.keys(value).forEach((key) => {
        list.appendChild(element('dt', null, key));
        const detail = element('dd');
        detail.appendChild(describe(value[key]));
        list.appendChild(detail);
      });
      return list;
    }
    return document.createTextNode(value === null ? '—' : String(value));
  }

  function showDetail(entry) {
    const detail = $('step-detail');
    detail.replaceChildren();
    detail.appendChild(element('h3', null, '#' + entry.seq + ' ' + entry.type + ' · ' + entry.time));
    detail.appendChild(describe({
      actor: entry.actor,
      process: entry.processKey ? entry.processKey + ' v' + entry.processVersion : null,
      element: entry.elementId ? entry.elementId + (entry.elementName ? ' (' + entry.elementName + ')' : '') : null,
      details: entry.details,
      hash: entry.hash
    }));
  }

  function show(index, scroll) {
    if (!entries.length) {
      return;
    }
    current = Math.max(0, Math.min(index, entries.length - 1));
    viewers.forEach(({ canvas, registry, section }) => {
      registry.getAll().forEach((shape) => {
        canvas.removeMarker(shape.id, 'df-replayed');
        canvas.removeMarker(shape.id, 'df-current');
      });
      section.classList.remove('current');
    });
    entries.forEach((entry, i) => {
      const target = viewers.get(entry.processInstanceId);
      const id = diagramId(entry.elementId);
      if (i <= current && target && id && target.registry.get(id)) {
        target.canvas.addMarker(id, i === current ? 'df-current' : 'df-replayed');
      }
    });
    const entry = entries[current];
    const target = viewers.get(entry.processInstanceId);
    if (target) {
      target.section.classList.add('current');
      if (scroll) {
        target.section.scrollIntoView({ block: 'nearest' });
      }
    }
    document.querySelectorAll('#steps li').forEach((item, i) => {
      item.classList.toggle('current', i === current);
      item.classList.toggle('done', i < current);
      item.classList.toggle('pending', i > current);
    });
    const item = document.querySelectorAll('#steps li')[current];
    if (item && scroll) {
      item.scrollIntoView({ block: 'nearest' });
    }
    $('scrubber').value = String(current);
    history.replaceState(null, '', '#step=' + current);
    $('position').textContent = (current + 1) + ' / ' + entries.length;
    showDetail(entry);
  }

  function play() {
    if (timer) {
      clearInterval(timer);
      timer = null;
      $('play').textContent = '▶ Play / 播放';
      return;
    }
    if (current >= entries.length - 1) {
      show(0, true);
    }
    $('play').textContent = '⏸ Pause / 暂停';
    timer = setInterval(() => {
      if (current >= entries.length - 1) {
        play();
      } else {
        show(current + 1, true);
      }
    }, 900);
  }

  async function verify() {
    const status = $('verification');
    status.className = '';
    status.textContent = '…';
    try {
      const result = await getJson(api + '/timeline/verify');
      status.className = result.status === 'BROKEN' ? 'broken' : 'verified';
      status.textContent = result.status + ': ' + result.message;
    } catch (error) {
      status.className = 'broken';
      status.textContent = error.message;
    }
  }

  async function start() {
    $('case-number').textContent = number;
    $('csv').href = api + '/timeline?format=csv';
    $('verify').addEventListener('click', verify);
    $('first').addEventListener('click', () => show(0, true));
    $('previous').addEventListener('click', () => show(current - 1, true));
    $('next').addEventListener('click', () => show(current + 1, true));
    $('last').addEventListener('click', () => show(entries.length - 1, true));
    $('play').addEventListener('click', play);
    $('scrubber').addEventListener('input', (event) => show(Number(event.target.value), true));
    try {
      const [processes, timeline] = await Promise.all([getJson(api + '/processes'), getJson(api + '/timeline')]);
      entries = timeline.entries;
      $('summary').textContent = timeline.entryCount + ' entries · ' + processes.length
        + ' process instances · times in ' + timeline.zone + ' · head hash ' + timeline.headHash;
      for (const process of processes) {
        await drawProcess(process);
      }
      listSteps();
      // #step=N opens the replay at step N, so an auditor can point to a step
      const linked = /^#step=(\d+)$/.exec(location.hash);
      show(linked ? Number(linked[1]) : entries.length - 1, Boolean(linked));
      document.body.dataset.ready = 'true';
    } catch (error) {
      const alert = $('error');
      alert.hidden = false;
      alert.textContent = 'The case could not be shown / 无法显示该案件: ' + error.message;
    }
  }

  start();
}());
