package io.disputeflow.support;

/** JSON bodies for POST /api/complaints. */
public final class Submissions {

  private Submissions() {}

  public static String creditCardComplaint(String reference) {
    return """
        {
          "channel": "MOBILE_APP",
          "externalReference": "%s",
          "customer": {"customerId": "C-%s", "name": "王秀英", "phone": "+86 138 0013 8000",
                       "email": "wang.xiuying@example.cn", "preferredLanguage": "zh-CN",
                       "dateOfBirth": "1980-05-17"},
          "product": "CREDIT_CARD",
          "issue": "信用卡账单重复扣款 duplicate charge",
          "narrative": "我在3月2日的消费被扣款两次，金额为1,280.00元。请核查并退还。",
          "disputedAmount": {"amount": 1280.00, "currency": "CNY"}
        }
        """.formatted(reference, reference);
  }
}
