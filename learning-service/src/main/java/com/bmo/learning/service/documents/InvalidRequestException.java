package com.bmo.learning.service.documents;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input, field by field: HTTP 400 with an {@code errors} list. */
public class InvalidRequestException extends RuntimeException {

  /** What is wrong with one field of the request. */
  public record FieldProblem(String field, String message) {
  }

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
