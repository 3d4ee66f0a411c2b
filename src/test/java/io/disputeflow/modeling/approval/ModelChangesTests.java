package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the approver is shown fits the engine's string variable, and says what it leaves out. */
class ModelChangesTests {

  @Test
  void shouldShowEveryChangeOfASmallDeployment() {
    List<String> lines = List.of("- `a.bpmn`: process 'a' — **new model**", "- `a.form`: form 'a'");

    assertThat(ModelChanges.shown(lines)).isEqualTo(String.join("\n", lines));
  }

  @Test
  void shouldSayHowManyChangesALargeDeploymentLeavesOut() {
    // given 200 changes of 60 characters, far more than a string variable holds
    List<String> lines = IntStream.range(0, 200).mapToObj(i -> String.format("- `m%03d.bpmn`: element added %40s", i, ""))
        .toList();

    String shown = ModelChanges.shown(lines);

    // then it fits, shows whole lines from the first, and names the number left out
    assertThat(shown.length()).isLessThanOrEqualTo(ModelChanges.MAX_TEXT);
    List<String> shownLines = List.of(shown.split("\n"));
    int whole = shownLines.size() - 1;
    assertThat(shownLines.subList(0, whole)).isEqualTo(lines.subList(0, whole));
    assertThat(shownLines.get(whole)).startsWith("- … " + (200 - whole) + " more changes are not shown");
  }
}
