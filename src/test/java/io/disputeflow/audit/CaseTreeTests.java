package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where each process and activity instance of the hand-made case sits in its tree. */
class CaseTreeTests {

  private final CaseTree tree = CaseTree.of(TimelineFixture.handledCase().history());

  @Test
  void shouldPlaceTheTopLevelInstanceAtTheRootAndItsActivitiesInTheOrderTheEngineWroteThem() {
    assertThat(tree.node("p1")).isEqualTo(TreePath.of(0));
    assertThat(tree.node("a1")).isEqualTo(TreePath.of(0, 1, 0));
    assertThat(tree.node("a7")).isEqualTo(TreePath.of(0, 1, 6));
    assertThat(tree.node("a2")).isLessThan(tree.node("a3"));
  }

  @Test
  void shouldPlaceACalledInstanceInsideTheCallActivityThatCalledIt() {
    TreePath review = tree.node("a4");
    assertThat(tree.node("p2")).isEqualTo(review.then(1, 1000));
    assertThat(tree.node("b2")).isEqualTo(review.then(1, 1000, 1, 1));
    assertThat(tree.node("b2")).isGreaterThan(review).isLessThan(tree.node("a5"));
  }

  @Test
  void shouldNameTheProcessOfEachInstanceAndKnowNothingElse() {
    assertThat(tree.process("p2")).isEqualTo(new Event.ProcessRef("department-review", 3, "p2"));
    assertThat(tree.process("elsewhere")).isNull();
    assertThat(tree.contains("elsewhere")).isFalse();
    assertThat(tree.nodeOr("elsewhere", TreePath.of(9))).isEqualTo(TreePath.of(9));
    assertThat(tree.activities()).hasSize(9);
  }
}
