package com.bmo.learning.service.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link RequiresRole}: a caller without the role gets {@link ForbiddenException} (403). */
public class RoleCheckInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    RequiresRole required = method.getMethodAnnotation(RequiresRole.class);
    if (required == null) {
      required = method.getBeanType().getAnnotation(RequiresRole.class);
    }
    if (required == null) {
      return true;
    }
    Object caller = request.getAttribute(Caller.ATTRIBUTE);
    if (!(caller instanceof Caller c) || !c.role().includes(required.value())) {
      throw new ForbiddenException(required.value());
    }
    return true;
  }
}
