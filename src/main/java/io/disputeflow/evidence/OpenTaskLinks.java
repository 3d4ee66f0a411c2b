package io.disputeflow.evidence;

import io.disputeflow.engine.EngineCommands;
import io.disputeflow.process.ComplaintVariables;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** After an upload: the case's open tasks (also those of its called stages) show the new list. */
@Component
class OpenTaskLinks {

  private final TaskService taskService;
  private final EngineCommands commands;
  private final DocumentLinks links;

  OpenTaskLinks(TaskService taskService, EngineCommands commands, DocumentLinks links) {
    this.taskService = taskService;
    this.commands = commands;
    this.links = links;
  }

  void refresh(String complaintNumber) {
    String text = links.linksFor(complaintNumber);
    // our API has allowed the caller the upload; the tasks' engine authorizations are not the caller's
    commands.withoutAuthorization(() -> {
      for (Task task : taskService.createTaskQuery()
          .processVariableValueEquals(ComplaintVariables.COMPLAINT_NUMBER.name(), complaintNumber).list()) {
        if (!Objects.equals(taskService.getVariableLocal(task.getId(), DocumentLinks.DOCUMENTS_TEXT), text)) {
          taskService.setVariableLocal(task.getId(), DocumentLinks.DOCUMENTS_TEXT, text);
        }
      }
      return null;
    });
  }
}
