package io.disputeflow.resolution;

import io.disputeflow.refusal.TaskActionRefusedException;
import org.springframework.http.HttpStatus;

/** A summary resolution (FCA DISP 1.5) asked for a complaint outside its regime or its window. */
public class SummaryResolutionRefusedException extends TaskActionRefusedException {

  public SummaryResolutionRefusedException(String message) {
    super(message, HttpStatus.BAD_REQUEST);
  }
}
