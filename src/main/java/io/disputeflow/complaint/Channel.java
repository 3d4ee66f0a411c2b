package io.disputeflow.complaint;

/** How a complaint reached the bank. */
public enum Channel {
  BRANCH,
  PHONE,
  ONLINE_BANKING,
  MOBILE_APP,
  EMAIL,
  LETTER,
  SOCIAL_MEDIA,
  REGULATOR_REFERRAL
}
