package io.disputeflow.tasklist;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives Camunda's webapps back two filters that the two Camunda starters together take from them.
 * The REST starter ({@code CamundaBpmRestInitializer}) registers {@code EmptyBodyFilter} and
 * {@code CacheControlFilter} for /engine-rest; the webapp starter ({@code CamundaBpmWebappInitializer})
 * registers filters of the same names for the webapps afterwards, but only when no filter of that
 * name exists yet: the servlet container keeps one registration per name, so the webapps' mappings
 * are dropped and every /camunda resource answers without {@code Cache-Control: no-cache} (a webapp
 * with the webapp starter alone has it). This adds the webapps' mappings to the filters of those
 * names, at the end of the filter chain as the webapp starter would; both filters are stateless.
 * Runs after every initializer of the application context (it is the web server factory's own).
 */
final class CamundaWebappFilterMappings {

  static final String EMPTY_BODY_FILTER = "EmptyBodyFilter";
  static final String CACHE_CONTROL_FILTER = "CacheControlFilter";

  private CamundaWebappFilterMappings() {}

  static void restore(ServletContext servletContext, String webappPath) {
    map(servletContext, EMPTY_BODY_FILTER, webappPath + "/api/*", webappPath + "/app/*");
    map(servletContext, CACHE_CONTROL_FILTER, webappPath + "/api/*", webappPath + "/app/*", webappPath + "/assets/*");
  }

  private static void map(ServletContext servletContext, String name, String... patterns) {
    FilterRegistration registration = servletContext.getFilterRegistration(name);
    if (registration == null) {
      return;
    }
    Collection<String> mapped = registration.getUrlPatternMappings();
    List<String> missing = Stream.of(patterns).filter(pattern -> !mapped.contains(pattern)).toList();
    if (!missing.isEmpty()) {
      registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, missing.toArray(String[]::new));
    }
  }
}
