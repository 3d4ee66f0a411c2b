package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeploymentApprovalSettingsTests {

  @Test
  void shouldRequireApprovalUnlessSingleStepIsAskedForByName() {
    assertThat(new DeploymentApprovalSettings("required").required()).isTrue();
    assertThat(new DeploymentApprovalSettings("single-step").required()).isFalse();
    assertThatThrownBy(() -> new DeploymentApprovalSettings("off"))
        .hasMessageContaining("disputeflow.modeling.deployment-approval is 'off'")
        .hasMessageContaining("'required'").hasMessageContaining("'single-step'");
  }
}
