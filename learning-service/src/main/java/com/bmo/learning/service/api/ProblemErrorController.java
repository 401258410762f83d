package com.bmo.learning.service.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (errors raised outside Spring MVC, e.g. in filters or by Tomcat itself) as
 * problem details instead of Boot's whitelabel JSON; never with a stack trace or exception message.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
        ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
        ? "The request could not be completed; it has been logged" : status.getReasonPhrase());
    p.setTitle(status.getReasonPhrase());
    p.setType(ProblemResponses.typeFor(status));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String s) {
      p.setInstance(URI.create(s));
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
