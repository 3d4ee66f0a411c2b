package io.disputeflow.tasklist;

import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;

import io.disputeflow.deadline.SummaryResolutionWindow;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task form read after the close of the third business day no longer offers the summary resolution
 * (FCA DISP 1.5): before Tasklist (or a REST client) reads a task's form or variables, the option's
 * text {@code summaryResolutionUntilText}, which the form shows the option by, is taken off a task
 * whose window has closed. The window ends without any event on the task, so the form is refreshed
 * when it is read; completing with the option is refused in any case (SummaryResolutionListener).
 */
class SummaryResolutionOptionFilter extends OncePerRequestFilter {

  private static final Pattern TASK_READ = Pattern.compile(".*/task/([0-9a-fA-F-]{8,})/(form-variables|variables|form)");

  private final TaskService taskService;
  private final SummaryResolutionWindow window;

  SummaryResolutionOptionFilter(TaskService taskService, SummaryResolutionWindow window) {
    this.taskService = taskService;
    this.window = window;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !TASK_READ.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher path = TASK_READ.matcher(request.getRequestURI());
    if (path.matches()) {
      withdrawClosedOption(path.group(1));
    }
    chain.doFilter(request, response);
  }

  private void withdrawClosedOption(String taskId) {
    String option = TaskDisplay.SUMMARY_RESOLUTION_UNTIL_TEXT.name();
    // no task, or no option on it: nothing to withdraw (the engine answers the read as it would)
    if (taskService.createTaskQuery().taskId(taskId).count() == 0
        || taskService.getVariableLocal(taskId, option) == null) {
      return;
    }
    Object regime = taskService.getVariable(taskId, REGIME.name());
    Object receivedAt = taskService.getVariable(taskId, RECEIVED_AT.name());
    if (!window.isOpen(regime == null ? null : regime.toString(), receivedAt instanceof Date date ? date : null)) {
      taskService.removeVariableLocal(taskId, option);
    }
  }
}
