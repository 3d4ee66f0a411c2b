// The changes of a pending deployment for its approver: per BPMN file the submitted diagram beside the
// active one, the elements added, removed and changed marked; per decision its rules against the active
// version. Everything from the models is set as text (textContent), never as HTML: they are a user's upload.
'use strict';

(function () {
  const address = location.pathname.replace(/\/$/, '');
  const KINDS = {
    added: 'Added / 新增',
    removed: 'Removed / 删除',
    changed: 'Changed / 修改'
  };
  const STATUS = {
    ADDED: 'added',
    REMOVED: 'removed',
    CHANGED: 'changed',
    UNCHANGED: ''
  };

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

  async function changes() {
    const response = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
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

  function time(instant) {
    return instant ? instant.substring(0, 16).replace('T', ' ') + ' UTC' : '';
  }

  function describe(item) {
    const type = item.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return type.charAt(0).toUpperCase() + type.substring(1) + " '" + item.id + "'" + (item.name ? ' (' + item.name + ')' : '');
  }

  function listChanges(section, file) {
    const list = element('ul', 'changes');
    ['added', 'removed', 'changed'].forEach((kind) => {
      (file[kind] || []).forEach((item) => {
        const entry = element('li', kind);
        entry.dataset.elementId = item.id;
        entry.appendChild(element('span', 'kind', KINDS[kind]));
        entry.appendChild(document.createTextNode(' ' + describe(item)));
        list.appendChild(entry);
      });
    });
    if (!list.children.length) {
      section.appendChild(element('p', null, file.activeXml
        ? 'No element added, removed or changed: only the layout differs / 无元素增删改，仅布局不同'
        : ''));
    }
    section.appendChild(list);
  }

  async function draw(container, xml, marks) {
    const viewer = new BpmnJS({ container });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport');
    Object.keys(marks).forEach((kind) => {
      marks[kind].forEach((item) => {
        const shape = registry.get(item.id);
        if (!shape) {
          return;
        }
        canvas.addMarker(item.id, 'df-' + kind);
        if (!shape.waypoints) {
          overlays.add(item.id, 'df-change', {
            position: { top: -16, left: 0 },
            html: element('span', 'df-badge ' + kind, KINDS[kind])
          });
        }
      });
    });
    return viewer;
  }

  async function bpmn(section, file) {
    listChanges(section, file);
    const diagrams = element('div', 'diagrams');
    const submitted = element('div', 'diagram submitted');
    submitted.appendChild(element('h3', null, 'Submitted / 提交的版本'));
    const submittedCanvas = element('div', 'canvas');
    submitted.appendChild(submittedCanvas);
    const active = element('div', 'diagram active');
    active.appendChild(element('h3', null, file.activeXml
      ? 'Active version ' + file.activeVersion + ' / 当前版本 ' + file.activeVersion
      : 'No active version: a new model / 无当前版本：新模型'));
    const activeCanvas = element('div', 'canvas');
    active.appendChild(activeCanvas);
    diagrams.appendChild(submitted);
    diagrams.appendChild(active);
    section.appendChild(diagrams);
    await draw(submittedCanvas, file.xml, { added: file.added, changed: file.changed });
    if (file.activeXml) {
      await draw(activeCanvas, file.activeXml, { removed: file.removed, changed: file.changed });
    }
  }

  function cell(row, text, was) {
    const td = element('td', null, text);
    if (was !== undefined && was !== null && was !== text) {
      td.appendChild(element('span', 'was', was));
    }
    row.appendChild(td);
  }

  function dmn(section, file) {
    file.decisions.forEach((decision) => {
      const table = decision.changes;
      section.appendChild(element('h3', null, (table.name || table.id) + ' · ' + table.id + ' — '
        + (decision.activeVersion ? 'replaces active version ' + decision.activeVersion + ' / 替换当前版本 '
          + decision.activeVersion : 'new decision / 新决策')));
      if (table.activeHitPolicy && table.activeHitPolicy !== table.hitPolicy) {
        section.appendChild(element('p', 'changed', 'Hit policy changed / 命中策略已修改: ' + table.activeHitPolicy
          + ' → ' + table.hitPolicy));
      } else {
        section.appendChild(element('p', null, 'Hit policy / 命中策略: ' + table.hitPolicy));
      }
      const rules = element('table', 'rules');
      rules.dataset.decision = table.id;
      const head = element('tr');
      ['Change / 变更', 'Rule / 规则'].concat(table.inputs.map((input) => 'When / 条件: ' + input))
        .concat(table.outputs.map((output) => 'Then / 结果: ' + output)).concat(['Description / 说明'])
        .forEach((title) => head.appendChild(element('th', null, title)));
      rules.appendChild(head);
      table.rules.forEach((change) => {
        const row = element('tr', STATUS[change.status]);
        row.dataset.ruleId = change.rule.id;
        const was = change.was || {};
        cell(row, change.status === 'UNCHANGED' ? '' : KINDS[STATUS[change.status]]);
        cell(row, change.rule.id);
        change.rule.inputs.forEach((entry, i) => cell(row, entry, was.inputs ? was.inputs[i] : null));
        change.rule.outputs.forEach((entry, i) => cell(row, entry, was.outputs ? was.outputs[i] : null));
        cell(row, change.rule.description, was.description);
        rules.appendChild(row);
      });
      section.appendChild(rules);
    });
  }

  async function start() {
    try {
      const view = await changes();
      $('deployment-name').textContent = view.name;
      $('summary').textContent = 'Submitted by / 提交人 ' + view.submittedBy + ' · ' + time(view.submittedAt)
        + ' · ' + view.files.length + ' files / 个文件';
      if (view.taskId) {
        $('back').href = '../app/tasklist/default/#/?task=' + encodeURIComponent(view.taskId);
      }
      if (view.status !== 'PENDING') {
        const decided = $('decided');
        decided.hidden = false;
        decided.textContent = (view.status === 'APPROVED' ? 'Approved / 已批准' : 'Refused / 已拒绝') + ' · '
          + view.decidedBy + ' · ' + time(view.decidedAt) + (view.reason ? ' · ' + view.reason : '')
          + ' — its files are no longer kept here / 文件已不在此保存';
      }
      for (const file of view.files) {
        const section = element('section', 'file ' + file.kind);
        section.dataset.file = file.file;
        const heading = element('h2', null, file.file);
        if (file.processKey) {
          heading.appendChild(element('span', 'meta', 'process / 流程 ' + file.processKey));
        }
        section.appendChild(heading);
        $('files').appendChild(section);
        if (file.kind === 'bpmn') {
          try {
            await bpmn(section, file);
          } catch (error) {
            // e.g. a model without diagram information: its changes are listed above, the other files still drawn
            section.appendChild(element('p', 'error', 'The diagram could not be drawn / 无法绘制流程图: ' + error.message));
          }
        } else if (file.kind === 'dmn') {
          dmn(section, file);
        } else {
          section.appendChild(element('p', null, file.kind === 'form'
            ? 'A form: its changes are listed in the task / 表单：变更见审批任务'
            : 'Another file / 其他文件'));
        }
      }
      document.body.dataset.ready = 'true';
    } catch (error) {
      const alert = $('error');
      alert.hidden = false;
      alert.textContent = 'The changes could not be shown / 无法显示变更: ' + error.message;
    }
  }

  start();
}());
