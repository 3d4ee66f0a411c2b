// A sequence flow has no name: bpmn-js and Camunda Modeler draw a flow's name on the flow, where it
// sits between lines and shapes instead of beside the gateway or event it belongs to.
const { is } = require('bpmnlint-utils');

module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:SequenceFlow') && (node.name || '').trim().length > 0) {
      reporter.report(node.id, 'Sequence flow has a name (it is drawn on the flow): name the gateway or the step instead', [ 'name' ]);
    }
  }

  return { check };
};
