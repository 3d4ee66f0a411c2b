package io.disputeflow.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputeflow.refusal.RefusedRequests;
import io.disputeflow.refusal.TaskActionRefusedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Rewrites the engine's error messages about a task into what Tasklist should tell its user:
 * a task completed or closed meanwhile says who completed it and when, instead of
 * "Cannot find task with id …: task is null"; a task claimed meanwhile names who has it; our
 * task listeners' refusals ({@link TaskActionRefusedException}) answer with their own status and
 * message, not the engine's 500 and its "ENGINE-03051 There was an exception while invoking the
 * TaskListener" wrapping; so do the refusals of a start form's delegate, instead of "Cannot instantiate
 * process definition …" and a 500. Only answers the engine REST API already gave to an authenticated caller
 * are touched, and otherwise only their message.
 */
class TaskErrorMessageFilter extends OncePerRequestFilter {

  private static final Pattern TASK_PATH = Pattern.compile(".*/task/([0-9a-fA-F-]{8,})(/.*)?");
  /** Tasklist's start forms: a model's delegate may refuse the values in the start's transaction. */
  private static final Pattern START_PATH = Pattern.compile(".*/process-definition/.+/(submit-form|start)");
  private static final Pattern LISTENER_WRAPPING = Pattern.compile(
      "ENGINE-\\d+ There was an exception while invoking the TaskListener\\. Message: '(.*)'", Pattern.DOTALL);
  private static final String INNER_WRAPPING = "Exception while invoking TaskListener: ";

  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ObjectMapper json;
  private final ZoneId zone;

  TaskErrorMessageFilter(HistoryService historyService, TaskService taskService, IdentityService identityService,
      ObjectMapper json, ZoneId zone) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.json = json;
    this.zone = zone;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TASK_PATH.matcher(request.getRequestURI()).matches()
        && !START_PATH.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    int status = wrapper.getStatus();
    TaskActionRefusedException refusal = RefusedRequests.of(request);
    if (status >= 400 && status != 401 && status != 403 && refusal != null && isJson(wrapper.getContentType())) {
      refused(wrapper, refusal);
    } else if (status >= 400 && status != 401 && status != 403 && isJson(wrapper.getContentType())) {
      Matcher path = TASK_PATH.matcher(request.getRequestURI());
      if (path.matches()) {
        rewrite(wrapper, path.group(1));
      }
    }
    wrapper.copyBodyToResponse();
  }

  private void rewrite(ContentCachingResponseWrapper wrapper, String taskId) throws IOException {
    if (!(json.readTree(wrapper.getContentAsByteArray()) instanceof ObjectNode error) || !error.hasNonNull("message")) {
      return;
    }
    String message = error.get("message").asText();
    String clearer = message.contains("Cannot find task with id") ? goneMessage(taskId)
        : message.contains("is already claimed by someone else") ? claimedMessage(taskId)
        : unwrapped(message);
    if (clearer != null && !clearer.equals(message)) {
      error.put("message", clearer);
      wrapper.resetBuffer();
      wrapper.getOutputStream().write(json.writeValueAsBytes(error));
    }
  }

  private void refused(ContentCachingResponseWrapper wrapper, TaskActionRefusedException refusal) throws IOException {
    ObjectNode error = json.createObjectNode();
    error.put("type", refusal.getClass().getSimpleName());
    error.put("message", refusal.getMessage());
    wrapper.setStatus(refusal.status().value());
    wrapper.resetBuffer();
    wrapper.getOutputStream().write(json.writeValueAsBytes(error));
  }

  static String unwrapped(String message) {
    Matcher wrapped = LISTENER_WRAPPING.matcher(message);
    String inner = wrapped.matches() ? wrapped.group(1) : message;
    return inner.startsWith(INNER_WRAPPING) ? inner.substring(INNER_WRAPPING.length()) : inner;
  }

  private String claimedMessage(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getAssignee() == null) {
      return null;
    }
    String who = fullName(task.getAssignee());
    return ("%s is already claimed by %s: ask them to hand it over, or take another task."
        + " / 该任务已被 %s 认领，请联系其转交，或办理其他任务。").formatted(task.getName(), who, who);
  }

  /** Who ended the task and when, from the history; null when the engine never knew the task. */
  private String goneMessage(String taskId) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (task == null || task.getEndTime() == null) {
      return null;
    }
    String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(task.getEndTime().toInstant().atZone(zone))
        + " (" + zone.getId() + ")";
    if ("completed".equals(task.getDeleteReason()) && task.getAssignee() != null) {
      String who = fullName(task.getAssignee());
      return ("%s was already completed by %s at %s: it is no longer open. Refresh the task list."
          + " / 该任务已由 %s 于 %s 完成，不能再次办理，请刷新任务列表。").formatted(task.getName(), who, when, who, when);
    }
    return ("%s was closed at %s because the case moved on: it is no longer open. Refresh the task list."
        + " / 该任务已于 %s 随案件进展关闭，请刷新任务列表。").formatted(task.getName(), when, when);
  }

  private String fullName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase().contains("json");
  }
}
