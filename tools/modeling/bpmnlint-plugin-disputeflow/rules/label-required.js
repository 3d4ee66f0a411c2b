// bpmnlint's label-required without its demand for a name on every conditional sequence flow: a name on a
// flow is drawn on the flow, and our diagrams carry none (no-sequence-flow-name). The gateway asks the
// question and the step each branch leads to answers it.
const { is } = require('bpmnlint-utils');
const labelRequired = require('bpmnlint/rules/label-required');

module.exports = function() {
  const rule = labelRequired();

  return {
    ...rule,
    check(node, reporter) {
      if (is(node, 'bpmn:SequenceFlow')) {
        return;
      }
      return rule.check(node, reporter);
    }
  };
};
