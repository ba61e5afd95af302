package org.broadsheet.web;

import java.util.HashSet;
import java.util.Set;

/**
 * Which requests are made for one reader and so are never answered from, nor stored in, a shared
 * cache: those carrying one of the cookies that make pages a reader's own (a commenter's own held
 * comments; later a signed-in journalist), and those with a query parameter whose page is rendered
 * for one request (a reply form, the page after posting). Features declare their cookies and
 * parameters; the page cache and the hot path ask this one rule.
 */
public record PersonalRequests(Set<String> cookies, Set<String> parameters) {
  public static final PersonalRequests NONE = new PersonalRequests(Set.of(), Set.of());

  public PersonalRequests {
    cookies = Set.copyOf(cookies);
    parameters = Set.copyOf(parameters);
  }

  /** This rule and another feature's cookies and parameters together. */
  public PersonalRequests and(PersonalRequests other) {
    Set<String> allCookies = new HashSet<>(cookies);
    allCookies.addAll(other.cookies);
    Set<String> allParameters = new HashSet<>(parameters);
    allParameters.addAll(other.parameters);
    return new PersonalRequests(allCookies, allParameters);
  }

  /** Whether a Cookie header names one of the personal cookies (read without parsing it). */
  public boolean personal(String cookieHeader) {
    if (cookieHeader == null) {
      return false;
    }
    for (String name : cookies) {
      int at = cookieHeader.indexOf(name + "=");
      if (at == 0
          || (at > 0
              && (cookieHeader.charAt(at - 1) == ' ' || cookieHeader.charAt(at - 1) == ';'))) {
        return true;
      }
    }
    return false;
  }
}
