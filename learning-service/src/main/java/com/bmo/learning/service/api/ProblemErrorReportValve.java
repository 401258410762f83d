package com.bmo.learning.service.api;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any filter or servlet sees the request (a path with {@code %2F} or
 * {@code %00}, oversized headers), as problem details instead of Tomcat's HTML page; never with a stack
 * trace or server version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    String title = status == null ? "Error" : status.getReasonPhrase();
    String detail = code >= 500 ? "The request could not be completed; it has been logged"
        : code == 400 ? "The request is malformed (its path, headers or encoding are not allowed)" : title;
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer out = response.getReporter();
      if (out != null) {
        out.write("{\"type\":\"" + (status == null ? "about:blank" : ProblemResponses.typeFor(status)) + "\",\"title\":\""
            + title + "\",\"status\":" + code + ",\"detail\":\"" + detail + "\"}");
      }
    } catch (IOException | IllegalStateException e) {
      // The client has gone or the response was committed meanwhile: nothing more to tell it.
    }
  }

  /** Installs the valve on the embedded Tomcat's host. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
      });
    }
  }
}
