package io.disputeflow.audit;

import io.disputeflow.audit.Event.ProcessRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * The case as a tree: each top-level process instance a root (in the order they started), its activity
 * instances inside it (inside their parent scope), and a called instance inside the call activity that
 * called it. The place of a history row in this tree orders the events one transaction wrote in the same
 * millisecond by cause and effect.
 */
final class CaseTree {

  private final List<HistoricProcessInstance> instances;
  private final Map<String, List<HistoricActivityInstance>> activitiesOf;
  private final Map<String, ProcessRef> processes = new HashMap<>();
  private final Map<String, HistoricActivityInstance> activities = new HashMap<>();
  private final Map<String, TreePath> nodes = new HashMap<>();

  private CaseTree(CaseHistory history) {
    this.instances = history.instances();
    this.activitiesOf = history.activitiesOf();
    for (HistoricProcessInstance instance : instances) {
      processes.put(instance.getId(), new ProcessRef(instance.getProcessDefinitionKey(),
          instance.getProcessDefinitionVersion(), instance.getId()));
      activitiesOf.get(instance.getId()).forEach(activity -> activities.put(activity.getId(), activity));
    }
  }

  static CaseTree of(CaseHistory history) {
    CaseTree tree = new CaseTree(history);
    tree.placeInstances();
    return tree;
  }

  /** The process (key, version, instance) of a process instance of the case; null for another one. */
  ProcessRef process(String processInstanceId) {
    return processes.get(processInstanceId);
  }

  /** The place of a process or activity instance; null when it is not part of the case. */
  TreePath node(String instanceId) {
    return nodes.get(instanceId);
  }

  TreePath nodeOr(String instanceId, TreePath otherwise) {
    return nodes.getOrDefault(instanceId, otherwise);
  }

  boolean contains(String instanceId) {
    return nodes.containsKey(instanceId);
  }

  HistoricActivityInstance activity(String activityInstanceId) {
    return activities.get(activityInstanceId);
  }

  Collection<HistoricActivityInstance> activities() {
    return activities.values();
  }

  private void placeInstances() {
    Map<String, String> callers = new HashMap<>();
    activities.values().stream().filter(a -> a.getCalledProcessInstanceId() != null)
        .forEach(a -> callers.put(a.getCalledProcessInstanceId(), a.getId()));
    long roots = 0;
    for (HistoricProcessInstance instance : instances) {
      if (!callers.containsKey(instance.getId())) {
        place(instance, TreePath.of(roots++));
      }
    }
  }

  private void place(HistoricProcessInstance instance, TreePath node) {
    nodes.put(instance.getId(), node);
    List<HistoricActivityInstance> list = activitiesOf.get(instance.getId());
    for (int i = 0; i < list.size(); i++) {
      placeActivity(list.get(i), i, instance.getId());
    }
    for (HistoricActivityInstance activity : list) {
      if (activity.getCalledProcessInstanceId() != null) {
        instances.stream().filter(i -> i.getId().equals(activity.getCalledProcessInstanceId())).findFirst()
            .ifPresent(called -> place(called, nodes.get(activity.getId()).then(1, 1000)));
      }
    }
  }

  private TreePath placeActivity(HistoricActivityInstance activity, int ordinal, String processInstanceId) {
    TreePath known = nodes.get(activity.getId());
    if (known != null) {
      return known;
    }
    String parentId = activity.getParentActivityInstanceId();
    TreePath parent = parentId == null || parentId.equals(processInstanceId) || !activities.containsKey(parentId)
        ? nodes.get(processInstanceId)
        : placeActivity(activities.get(parentId), activitiesOf.get(processInstanceId).indexOf(activities.get(parentId)),
            processInstanceId);
    TreePath node = parent.then(1, ordinal);
    nodes.put(activity.getId(), node);
    return node;
  }
}
