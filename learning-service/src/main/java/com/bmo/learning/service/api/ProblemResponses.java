package com.bmo.learning.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes problem details where no controller advice reaches: servlet filters and the error page. */
@Component
public class ProblemResponses {

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(typeFor(status));
    problem.setInstance(instance(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The request's path as the problem's {@code instance}; none when it is not a valid URI (a rejected request). */
  static URI instance(String path) {
    try {
      return path == null ? null : URI.create(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static URI typeFor(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> ProblemTypes.INVALID_REQUEST;
      case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
      case FORBIDDEN -> ProblemTypes.FORBIDDEN;
      case INTERNAL_SERVER_ERROR -> ProblemTypes.INTERNAL;
      default -> URI.create("about:blank");
    };
  }
}
