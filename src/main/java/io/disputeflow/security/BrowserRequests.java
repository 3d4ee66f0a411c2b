package io.disputeflow.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from a web browser. Browsers answer an HTTP Basic challenge with a modal
 * sign-in dialog of their own, on top of the page (in automation it is invisible and swallows every
 * key): so only clients that are not browsers are ever challenged. Every current browser sends Fetch
 * Metadata ({@code Sec-Fetch-*}) with every request; a page's requests also carry {@code Origin} or
 * {@code Referer}, and an older browser's navigation asks for HTML.
 */
final class BrowserRequests {

  private BrowserRequests() {}

  static boolean fromBrowser(HttpServletRequest request) {
    return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
        || request.getHeader("Sec-Fetch-Dest") != null || request.getHeader("Origin") != null
        || request.getHeader("Referer") != null || acceptsHtml(request);
  }

  /** A page the browser is to show (the address bar, a link), not a script's or an image's request. */
  static boolean isNavigation(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    return mode != null ? mode.equals("navigate") : acceptsHtml(request);
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
