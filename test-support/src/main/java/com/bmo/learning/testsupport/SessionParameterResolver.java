package com.bmo.learning.testsupport;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The shape both harnesses share: a JUnit 5 extension that gives tests parameters of a fixed set of
 * types, served from one session per test JVM (an endpoint, a node and their clients) that is opened on
 * first use and closed when the run ends.
 *
 * @param <S> the session
 */
public abstract class SessionParameterResolver<S extends CloseableResource> implements ParameterResolver {

  private final Namespace namespace;
  private final Class<S> sessionType;
  private final Supplier<S> opener;
  private final List<Class<?>> parameterTypes;

  /**
   * @param sessionType the session's class (its key in the root store)
   * @param opener opens the session, once per test JVM
   * @param parameterTypes the parameter types this extension resolves
   */
  protected SessionParameterResolver(Class<S> sessionType, Supplier<S> opener, Class<?>... parameterTypes) {
    this.namespace = Namespace.create(getClass());
    this.sessionType = sessionType;
    this.opener = opener;
    this.parameterTypes = List.of(parameterTypes);
  }

  @Override
  public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameterTypes.contains(parameter.getParameter().getType());
  }

  @Override
  public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Object value = resolve(type, session(context), context);
    if (value == null) {
      throw new ParameterResolutionException("Unsupported parameter type " + type);
    }
    return value;
  }

  /** The value of a parameter of {@code type} (one of the supported types); null if there is none. */
  protected abstract Object resolve(Class<?> type, S session, ExtensionContext context);

  /** The session shared by every test of this JVM, opened on first use, closed when the run ends. */
  protected final S session(ExtensionContext context) {
    return context.getRoot().getStore(namespace).getOrComputeIfAbsent(sessionType, k -> opener.get(), sessionType);
  }
}
