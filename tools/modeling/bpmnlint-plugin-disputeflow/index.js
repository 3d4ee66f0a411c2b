// DisputeFlow's house rules, used from processes/.bpmnlintrc as disputeflow/<rule>.
module.exports = {
  rules: {
    'label-required': './rules/label-required.js',
    'no-sequence-flow-name': './rules/no-sequence-flow-name.js'
  }
};
