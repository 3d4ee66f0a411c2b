package io.disputeflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API credentials against Camunda's identity service, so people and channel systems have
 * one account for Tasklist, the engine REST API and our API; their Camunda groups become roles.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || password == null || !identityService.checkPassword(user, password.toString())) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    return withGroups(user);
  }

  /** The user signed in, with their Camunda groups (as they are now) as authorities. */
  Authentication withGroups(String user) {
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .map(id -> new SimpleGrantedAuthority(Groups.authority(id)))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  /** Whether the user still exists (a session may outlive its user). */
  boolean exists(String user) {
    return identityService.createUserQuery().userId(user).count() == 1;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
