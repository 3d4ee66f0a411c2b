package io.disputeflow.security;

import io.disputeflow.refusal.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies of our API: a declared length past the limit is refused before anything is
 * read (413 problem+json); a body without a declared length (chunked) is read through a counter that
 * stops at the limit, which the API answers 413 as well (ApiExceptionHandler). Imports (CSV files)
 * have their own, larger limit, and so have evidence documents (the file's own limit plus room for
 * the multipart envelope; the file's size is checked exactly where it is stored).
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  /** Boundaries and part headers around an uploaded file. */
  private static final long MULTIPART_ENVELOPE = 64 * 1024;
  private static final Pattern DOCUMENT_UPLOAD =
      Pattern.compile("/api/complaints/[^/]+/documents/?|/camunda/evidence/[^/]+/?");

  private final long maxBody;
  private final long maxImport;
  private final long maxDocument;
  private final ProblemResponses problems;

  BodySizeLimitFilter(DataSize maxBody, DataSize maxImport, DataSize maxDocument, ProblemResponses problems) {
    this.maxBody = maxBody.toBytes();
    this.maxImport = maxImport.toBytes();
    this.maxDocument = maxDocument.toBytes() + MULTIPART_ENVELOPE;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = path.startsWith("/api/imports/") ? maxImport
        : "POST".equals(request.getMethod()) && DOCUMENT_UPLOAD.matcher(path).matches() ? maxDocument : maxBody;
    if (request.getContentLengthLong() > limit) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
          "The request body has " + request.getContentLengthLong() + " bytes; at most " + limit + " are accepted");
      return;
    }
    chain.doFilter(new BoundedRequest(request, limit), response);
  }

  private static final class BoundedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    BoundedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new BoundedInputStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class BoundedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    BoundedInputStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int bytes) throws PayloadTooLargeException {
      read += bytes;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
