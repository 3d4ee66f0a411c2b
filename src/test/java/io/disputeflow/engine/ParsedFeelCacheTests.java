package io.disputeflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every decision of processes/decisions gives the same result (or the same error) with the cached parse
 * results as with Camunda's own FEEL engine, for inputs built from the literals the tables test against.
 */
class ParsedFeelCacheTests {

  private static final Pattern TEXT = Pattern.compile("<text>([^<]*)</text>");
  private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?![\\w.])");
  private static final int CASES_PER_DECISION = 200;

  private final DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DefaultDmnEngineConfiguration cachedConfiguration = cachedConfiguration();
  private final DmnEngine cached = cachedConfiguration.buildEngine();

  @Test
  void shouldDecideAsCamundasFeelEngineDoes() throws IOException {
    List<Path> tables;
    try (Stream<Path> files = Files.list(Path.of("processes", "decisions"))) {
      tables = files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList();
    }
    String expressions = String.join("\n", literals(TEXT, String.join("\n",
        tables.stream().map(ParsedFeelCacheTests::read).toList()), match -> match.group(1)));
    List<String> strings = new ArrayList<>(literals(STRING, expressions, match -> match.group(1)));
    strings.add("something else");
    List<String> numbers = literals(NUMBER, expressions, match -> match.group(1));
    Random random = new Random(42);
    int evaluated = 0;
    for (Path table : tables) {
      List<DmnDecision> ours = parse(camunda, table);
      List<DmnDecision> theirs = parse(cached, table);
      assertThat(ours).isNotEmpty();
      for (int d = 0; d < ours.size(); d++) {
        for (int i = 0; i < CASES_PER_DECISION; i++) {
          Map<String, Object> inputs = inputs(random, strings, numbers);
          assertThat(outcome(cached, theirs.get(d), inputs)).as("%s with %s", ours.get(d).getKey(), inputs)
              .isEqualTo(outcome(camunda, ours.get(d), inputs));
          evaluated++;
        }
      }
    }
    assertThat(evaluated).isGreaterThanOrEqualTo(5 * CASES_PER_DECISION);
    // most evaluations use the kept table of built-in functions; only failures go the FEEL engine's way again
    double again = ((ParsedFeelCache.CachingFeelEngine) cachedConfiguration.getFeelEngine()).evaluatedAgainShare();
    assertThat(again).isLessThan(0.2);
  }

  @Test
  void shouldReportAnExpressionThatDoesNotParseAsCamundaDoes() {
    String broken = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="broken_definitions" name="Broken" namespace="test">
          <decision id="broken" name="Broken"><decisionTable id="table">
            <input id="in"><inputExpression id="in_expression" typeRef="string"><text>product</text></inputExpression></input>
            <output id="out" name="result" typeRef="string" />
            <rule id="rule"><inputEntry id="entry"><text>"CREDIT_CARD" &amp;&amp;</text></inputEntry>
              <outputEntry id="result"><text>"yes"</text></outputEntry></rule>
          </decisionTable></decision>
        </definitions>""";
    Map<String, Object> inputs = Map.of("product", "CREDIT_CARD");
    String expected = outcome(camunda, camunda.parseDecisions(stream(broken)).get(0), inputs);
    assertThat(expected).startsWith("error");
    for (int i = 0; i < 2; i++) {
      // the second time from the cache
      assertThat(outcome(cached, cached.parseDecisions(stream(broken)).get(0), inputs)).isEqualTo(expected);
    }
  }

  private static DefaultDmnEngineConfiguration cachedConfiguration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    new ParsedFeelCache().preInit(new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration() {
      {
        setDmnEngineConfiguration(configuration);
      }
    });
    return configuration;
  }

  /** A value, often missing, for every input any of our tables reads. */
  private static Map<String, Object> inputs(Random random, List<String> strings, List<String> numbers) {
    Map<String, Object> inputs = new HashMap<>();
    for (String name : List.of("category", "channel", "issueTopic", "issue", "priority", "product", "regime")) {
      inputs.put(name, pick(random, strings));
    }
    inputs.put("compensationAmount", number(random, numbers));
    inputs.put("disputedAmount", number(random, numbers));
    String age = pick(random, numbers);
    inputs.put("customerAge", age == null ? null : (int) Double.parseDouble(age));
    inputs.put("vulnerable", random.nextInt(3) == 0 ? null : random.nextBoolean());
    return inputs;
  }

  private static Object number(Random random, List<String> numbers) {
    String value = pick(random, numbers);
    return value == null ? null : Double.parseDouble(value) + random.nextInt(3) - 1;
  }

  private static String pick(Random random, List<String> values) {
    return random.nextInt(8) == 0 ? null : values.get(random.nextInt(values.size()));
  }

  private static String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
    try {
      return "result " + engine.evaluateDecision(decision, new HashMap<>(inputs)).getResultList();
    } catch (RuntimeException e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static List<DmnDecision> parse(DmnEngine engine, Path table) {
    try (InputStream model = Files.newInputStream(table)) {
      return new ArrayList<>(engine.parseDecisions(model));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> literals(Pattern pattern, String text, Function<Matcher, String> value) {
    TreeSet<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(value.apply(matcher).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
          .replace("&amp;", "&"));
    }
    return new ArrayList<>(found);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream stream(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
