package io.disputeflow.engine;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

/** The engine's permissions of a resource type, ALL and NONE included. */
public final class EnginePermissions {

  private EnginePermissions() {}

  public static Permission[] of(int resourceType) {
    return ResourceTypeUtil.getPermissionsByResourceType(resourceType);
  }
}
