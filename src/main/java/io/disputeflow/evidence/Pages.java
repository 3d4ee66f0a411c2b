package io.disputeflow.evidence;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The plain HTML of the documents page (no script: it works with any browser policy). */
final class Pages {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:60em}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
      + ".error{color:#a00;font-weight:bold}code{font-size:.85em}";

  private Pages() {}

  static String documents(String number, List<EvidenceDocument> documents, String pagePath, boolean mayAdd,
      String error, long maxFileSize, int maxDocuments) {
    StringBuilder html = head("Documents " + number)
        .append("<h1>Documents / 证据材料 ").append(htmlEscape(number)).append("</h1>\n")
        .append("<p><a href=\"").append(htmlEscape(pagePath.substring(0, pagePath.indexOf("/evidence/"))))
        .append("/app/tasklist/\">Back to Tasklist / 返回任务列表</a></p>\n");
    if (error != null) {
      html.append("<p class=\"error\" id=\"error\">").append(htmlEscape(error)).append("</p>\n");
    }
    if (documents.isEmpty()) {
      html.append("<p id=\"none\">No documents yet / 暂无证据材料</p>\n");
    } else {
      html.append("<table id=\"documents\"><tr><th>File / 文件</th><th>Type / 类型</th><th>Size / 大小</th>"
          + "<th>Added by / 添加人</th><th>Added / 添加时间</th><th>SHA-256</th></tr>\n");
      for (EvidenceDocument document : documents) {
        html.append("<tr><td><a href=\"").append(htmlEscape(pagePath)).append("/documents/").append(document.id())
            .append("\">").append(htmlEscape(document.fileName())).append("</a></td><td>")
            .append(htmlEscape(document.contentType())).append("</td><td>")
            .append(DocumentLinks.size(document.size())).append("</td><td>")
            .append(htmlEscape(document.uploadedBy())).append("</td><td>")
            .append(TIME.format(document.uploadedAt())).append("</td><td><code>")
            .append(document.sha256()).append("</code></td></tr>\n");
      }
      html.append("</table>\n");
    }
    if (mayAdd) {
      html.append("<h2>Add a document / 添加证据材料</h2>\n")
          .append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"").append(htmlEscape(pagePath))
          .append("\">\n<p><label>File / 文件 (PDF, JPEG, PNG; ≤ ").append(maxFileSize / (1024 * 1024))
          .append(" MB; ≤ ").append(maxDocuments).append(" per case / 每案) ")
          .append("<input type=\"file\" name=\"file\" id=\"file\" accept=\".pdf,.jpg,.jpeg,.png,application/pdf,"
              + "image/jpeg,image/png\" required></label></p>\n")
          .append("<p><button type=\"submit\" id=\"add\">Add document / 添加</button></p>\n</form>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  static String message(String title, String text) {
    return head(title).append("<h1>").append(htmlEscape(title)).append("</h1>\n<p id=\"message\">")
        .append(htmlEscape(text)).append("</p>\n</body></html>\n").toString();
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(htmlEscape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
  }
}
