package io.disputeflow.modeling;

import static io.disputeflow.modeling.ExpressionAllowList.ENGINE_OBJECTS;
import static io.disputeflow.modeling.ExpressionAllowList.EXECUTION_METHODS;
import static io.disputeflow.modeling.ExpressionAllowList.EXECUTION_PROPERTIES;
import static io.disputeflow.modeling.ExpressionAllowList.HELPERS;
import static io.disputeflow.modeling.ExpressionAllowList.RESERVED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The deployment-time half of {@link ExpressionAllowList}: parses an expression as the engine does
 * (JUEL) and names every part of it a model may not use, so the process owner reads at deployment
 * what {@link ModelElResolver} would refuse when it runs.
 */
final class ExpressionPolicy {

  /** The engine's JUEL dialect: method invocations and varargs on. */
  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  /** Members that open Java's reflection or the runtime; named as such in the refusal. */
  private static final Set<String> REFLECTION = Set.of("class", "getClass", "forName", "getMethod", "getMethods",
      "getDeclaredMethod", "getDeclaredMethods", "getConstructor", "getConstructors", "getDeclaredConstructor",
      "newInstance", "invoke", "classLoader", "getClassLoader", "declaredMethods", "methods", "getRuntime",
      "runtime", "exec", "start", "processEngineServices", "getProcessEngineServices", "processEngine",
      "getProcessEngine");

  private final ListableBeanFactory beans;

  ExpressionPolicy(ListableBeanFactory beans) {
    this.beans = beans;
  }

  /** Every forbidden part of the expression, in reading order; empty when it may be deployed. */
  List<String> check(String expression) {
    List<String> problems = new ArrayList<>();
    try {
      visit(JUEL.build(expression).getRoot(), problems, false);
    } catch (TreeBuilderException e) {
      problems.add("it is not a valid expression (" + e.getMessage() + ")");
    }
    return problems;
  }

  private void visit(Node node, List<String> problems, boolean helperArgument) {
    if (node instanceof AstFunction function) {
      problems.add("static call '" + text(function) + "' (models call no functions or static methods)");
      children(node, problems, false);
    } else if (node instanceof AstMethod) {
      method(node, problems);
    } else if (node instanceof AstProperty) {
      property(node, problems);
    } else if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName(), problems, helperArgument);
    } else {
      children(node, problems, helperArgument);
    }
  }

  private void method(Node node, List<String> problems) {
    Node target = node.getChild(0);
    Node params = node.getChild(1);
    if (target instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean
        && HELPERS.containsKey(bean.getName()) && HELPERS.get(bean.getName()).methods().contains(name(dot))) {
      children(params, problems, true);
      return;
    }
    if (target instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier engine
        && ENGINE_OBJECTS.contains(engine.getName()) && EXECUTION_METHODS.contains(name(dot))) {
      children(params, problems, false);
      return;
    }
    String method = target instanceof AstDot dot ? name(dot) : text((AstNode) target.getChild(1));
    Node on = target.getChild(0);
    String kind = REFLECTION.contains(method) ? "reflection: calling '" + method + "'" : "calling '" + method + "'";
    problems.add(kind + " on " + describe(on) + " (models may call " + ExpressionAllowList.describeHelpers() + ")");
    if (!(on instanceof AstIdentifier)) {
      visit(on, problems, false);
    }
    children(params, problems, false);
  }

  private void property(Node node, List<String> problems) {
    Node on = node.getChild(0);
    String member = node instanceof AstDot dot ? name(dot) : null;
    if (on instanceof AstIdentifier identifier) {
      String base = identifier.getName();
      if (ENGINE_OBJECTS.contains(base)) {
        if ("execution".equals(base) && EXECUTION_PROPERTIES.contains(member)) {
          return;
        }
        problems.add((REFLECTION.contains(member) ? "engine services: reading '" : "reading '") + text((AstNode) node)
            + "' (of the engine's " + base + " models read only execution.processBusinessKey)");
        return;
      }
      if (HELPERS.containsKey(base) || RESERVED.contains(base) || beans.containsBean(base)) {
        problems.add("reading '" + text((AstNode) node) + "' of the bean '" + base + "' (models read no bean's"
            + " properties)");
        return;
      }
    }
    if (member != null && REFLECTION.contains(member)) {
      problems.add("reflection: reading '" + member + "' of " + describe(on));
    }
    visit(on, problems, false);
    if (node instanceof AstBracket) {
      visit(node.getChild(1), problems, false);
    }
  }

  private void identifier(String name, List<String> problems, boolean helperArgument) {
    if (ENGINE_OBJECTS.contains(name)) {
      if (!helperArgument) {
        problems.add("'" + name + "' on its own (the engine's " + name + " may only be passed to "
            + ExpressionAllowList.describeHelpers() + ")");
      }
    } else if (HELPERS.containsKey(name)) {
      problems.add("the bean '" + name + "' on its own (call one of " + new TreeSet<>(HELPERS.get(name).methods())
          + ")");
    } else if (RESERVED.contains(name)) {
      problems.add("'" + name + "' (the application's context and the engine are out of a model's reach)");
    } else if (beans.containsBean(name) && !ExpressionAllowList.isDelegateType(beans.getType(name))) {
      problems.add("the bean '" + name + "' (not on the allow-list: models use " + ExpressionAllowList.describeHelpers()
          + " and the application's delegates)");
    }
  }

  private void children(Node node, List<String> problems, boolean helperArgument) {
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i), problems, helperArgument);
    }
  }

  private String describe(Node on) {
    if (on instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (ENGINE_OBJECTS.contains(name)) {
        return "the engine's " + name + " (engine services stay out of a model's reach)";
      }
      if (HELPERS.containsKey(name)) {
        return "the bean '" + name + "', which offers only " + new TreeSet<>(HELPERS.get(name).methods());
      }
      if (RESERVED.contains(name) || beans.containsBean(name)) {
        return "the bean '" + name + "', which is not on the allow-list";
      }
    }
    return "'" + text((AstNode) on) + "'";
  }

  /** "forName" of ". forName". */
  private static String name(AstDot dot) {
    return dot.toString().substring(2);
  }

  private static String text(AstNode node) {
    StringBuilder text = new StringBuilder();
    node.appendStructure(text, null);
    return text.toString();
  }
}
