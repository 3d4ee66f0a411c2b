package io.disputeflow.correspondence;

import io.disputeflow.engine.EngineCommands;
import io.disputeflow.process.ComplaintVariables;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * After a letter's status changed: the case's open tasks (also those of its called stages and of
 * an undelivered letter) show the new list. Never lets a display refresh undo what changed.
 */
@Component
class OpenTaskLetters {

  private static final Logger LOG = LoggerFactory.getLogger(OpenTaskLetters.class);

  private final ObjectProvider<TaskService> taskServices;
  private final EngineCommands commands;
  private final LetterLinks links;

  // looked up on use: the engine's delegates use the letter service, which uses this
  OpenTaskLetters(ObjectProvider<TaskService> taskServices, EngineCommands commands,
      LetterLinks links) {
    this.taskServices = taskServices;
    this.commands = commands;
    this.links = links;
  }

  void refresh(String complaintNumber) {
    try {
      String text = links.textFor(complaintNumber);
      TaskService taskService = taskServices.getObject();
      // the dispatcher and the retry act for the bank; the tasks' authorizations are not the caller's
      commands.withoutAuthorization(() -> {
        for (Task task : taskService.createTaskQuery()
            .processVariableValueEquals(ComplaintVariables.COMPLAINT_NUMBER.name(), complaintNumber).list()) {
          if (!Objects.equals(taskService.getVariableLocal(task.getId(), LetterLinks.LETTERS_TEXT), text)) {
            taskService.setVariableLocal(task.getId(), LetterLinks.LETTERS_TEXT, text);
          }
        }
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("The letters shown on the open tasks of {} were not refreshed: {}", complaintNumber, e.toString());
    }
  }
}
