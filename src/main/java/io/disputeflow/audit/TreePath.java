package io.disputeflow.audit;

import java.util.Arrays;

/**
 * Where an event sits in the case's tree (process instance, activity instance, what happened inside
 * it): orders events of the same millisecond, which one transaction writes, by cause and effect.
 */
record TreePath(long[] steps) implements Comparable<TreePath> {

  static TreePath of(long... steps) {
    return new TreePath(steps);
  }

  TreePath then(long... more) {
    long[] joined = Arrays.copyOf(steps, steps.length + more.length);
    System.arraycopy(more, 0, joined, steps.length, more.length);
    return new TreePath(joined);
  }

  @Override
  public int compareTo(TreePath other) {
    return Arrays.compare(steps, other.steps);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TreePath path && Arrays.equals(steps, path.steps);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(steps);
  }

  @Override
  public String toString() {
    return Arrays.toString(steps);
  }
}
