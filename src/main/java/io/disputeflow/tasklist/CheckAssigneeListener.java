package io.disputeflow.tasklist;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * On every assignment (claim, delegation, a changed assignee): a task goes only to a member of
 * one of its candidate groups or to a candidate user, so a coordinator can hand a task to a
 * colleague but not to someone of another group. The refusal is what Tasklist shows.
 */
@Component
class CheckAssigneeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    boolean candidateUser = task.getCandidates().stream().anyMatch(link -> assignee.equals(link.getUserId()));
    if (groups.isEmpty() || candidateUser) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    if (identity.createGroupQuery().groupMember(assignee).groupIdIn(groups.toArray(String[]::new)).count() == 0) {
      String names = identity.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list().stream()
          .map(group -> group.getName() == null ? group.getId() : group.getName())
          .collect(Collectors.joining(", "));
      throw new AssignmentRefusedException(("%s is not a member of %s, who work this task: choose a colleague"
          + " of that group. / %s 不是办理此任务的组（%s）的成员，请指派给该组成员。").formatted(assignee, names, assignee, names));
    }
  }
}
