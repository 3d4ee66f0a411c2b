package io.disputeflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.junit.jupiter.api.Test;

/**
 * The deployment-time check of a model's expressions: everything the shipped models use passes,
 * and each way into Java, the engine or the Spring context is refused with the part at fault named.
 */
class ExpressionPolicyTests {

  /** The application's beans as the check sees them: the helpers, a delegate and two beans models must not reach. */
  private static final StaticListableBeanFactory BEANS = new StaticListableBeanFactory();

  static {
    BEANS.addBean("workingDays", new Object());
    BEANS.addBean("decisionClock", new Object());
    BEANS.addBean("departmentReview", new Object());
    BEANS.addBean("sendLetterDelegate", new SomeDelegate());
    BEANS.addBean("runtimeService", new Object());
    BEANS.addBean("dataSource", new Object());
  }

  private final ExpressionPolicy policy = new ExpressionPolicy(BEANS);

  static class SomeDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {}
  }

  @ParameterizedTest
  @MethodSource("shippedExpressions")
  void shouldAllowEveryExpressionTheShippedModelsUse(String expression) {
    assertThat(policy.check(expression)).as(expression).isEmpty();
  }

  @Test
  void shouldFindTheShippedExpressions() throws IOException {
    assertThat(shippedExpressions()).hasSizeGreaterThan(40)
        .contains("${decisionClock.step(execution) == 'WARN'}", "#{execution.processBusinessKey}",
            "${workingDays.fromNow('P5D')}", "${surveyScore <= 2}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ${a + 1 > b * 2 && !c or d == 'x' and e != 3 - f / 2 % 4} | arithmetic, comparison, logic
      ${empty list ? 'none' : list[0]} | empty, choice, a list entry
      ${answer.amount} | an entry of a map variable
      Complaint ${complaintNumber} | text around an expression
      ${sendLetterDelegate} | one of our delegates
      ${authenticatedUserId} | the current user id, a string
      ${execution.getVariable('secondLookNeeded') == true} | a variable that may not be set
      ${!task.hasVariable('reason')} | whether a variable is set
      """)
  void shouldAllowWhatModelsNeed(String expression, String why) {
    assertThat(policy.check(expression)).as(why).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ${execution.setVariable('who', ''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass()).invoke(null, 'user.name'))} | reflection: calling 'getClass'
      ${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')} | reflection: calling 'forName'
      ${''.getClass().forName('java.lang.ProcessBuilder').getConstructors()[0].newInstance(null).start()} | reflection: calling 'newInstance'
      ${execution.getProcessEngineServices().getRuntimeService()} | reflection: calling 'getProcessEngineServices' on the engine's execution
      ${execution.processEngineServices.repositoryService} | engine services: reading 'execution.processEngineServices'
      ${execution.setVariable('approved', true)} | calling 'setVariable' on the engine's execution
      ${task.delegationState} | reading 'task.delegationState'
      ${execution} | 'execution' on its own
      ${applicationContext} | 'applicationContext'
      ${applicationContext.getBean('dataSource')} | calling 'getBean' on the bean 'applicationContext'
      ${runtimeService.createProcessInstanceQuery().list()} | calling 'createProcessInstanceQuery' on the bean 'runtimeService'
      ${dataSource} | the bean 'dataSource' (not on the allow-list
      ${decisionClock.isOpen('CMP-2026-000001')} | calling 'isOpen' on the bean 'decisionClock', which offers only [canExtend, extensionApprover, nextAlertAt, step]
      ${workingDays.fromNow('P1D').getClass()} | reflection: calling 'getClass' on 'workingDays.fromNow('P1D')'
      ${workingDays['fromNow']('P1D')} | calling ''fromNow'' on the bean 'workingDays'
      ${workingDays} | the bean 'workingDays' on its own
      ${sendLetterDelegate.execute(execution)} | calling 'execute' on the bean 'sendLetterDelegate', which is not on the allow-list
      ${now()} | static call 'now()'
      ${dateTime().plusDays(1)} | static call 'dateTime()'
      ${fn:exec('id')} | static call 'fn:exec('id')'
      ${customer.class.classLoader} | reflection: reading 'class'
      ${decisionDueAt.time} | 
      ${unfinished( | it is not a valid expression
      """)
  void shouldRefuseAndNameTheForbiddenPart(String expression, String forbidden) {
    var problems = policy.check(expression);
    if (forbidden == null) {
      assertThat(problems).as("a property of a variable passes the check; at run time only maps and lists have any")
          .isEmpty();
    } else {
      assertThat(problems).as(expression).isNotEmpty();
      assertThat(String.join("; ", problems)).contains(forbidden);
    }
  }

  /** docs/security.md lists the allow-list a security review reads: exactly the list in the code, with a reason each. */
  @Test
  void shouldDocumentEveryHelperAndItsMethodsWithAReason() throws IOException {
    java.util.Map<String, Set<String>> documented = new java.util.TreeMap<>();
    Pattern row = Pattern.compile("^\\| `(\\w+)` \\| ((?:`\\w+`(?:, )?)+) \\| (.+) \\|$", Pattern.MULTILINE);
    Matcher found = row.matcher(Files.readString(Path.of("docs/security.md")));
    while (found.find()) {
      assertThat(found.group(3).strip()).as("why " + found.group(1)).hasSizeGreaterThan(20);
      documented.put(found.group(1), new TreeSet<>(List.of(found.group(2).replace("`", "").split(", "))));
    }
    java.util.Map<String, Set<String>> code = new java.util.TreeMap<>();
    ExpressionAllowList.HELPERS.values().forEach(helper -> code.put(helper.bean(), new TreeSet<>(helper.methods())));
    assertThat(documented).isEqualTo(code);
  }

  static Set<String> shippedExpressions() throws IOException {
    Set<String> expressions = new TreeSet<>();
    Pattern expression = Pattern.compile("[$#]\\{[^}]*}");
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher found = expression.matcher(Files.readString(model).replace("&#39;", "'").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\""));
        while (found.find()) {
          expressions.add(found.group());
        }
      }
    }
    return expressions;
  }
}
