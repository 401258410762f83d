package com.bmo.learning.aws.concurrent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs tasks on an executor, at most {@code maxInFlight} of them submitted and not yet finished, and
 * returns one result per task, in task order. Used by S3Storage's batch uploads and by the ingestion
 * module's DocumentProcessor.
 *
 * <p>Tasks are pulled from the iterator only when a slot is free, so a lazy source (an S3 listing of any
 * size) is read only as fast as its tasks are done, and memory holds the results, not the source.
 *
 * <p>Tasks are expected to turn their own failures into results (a per-item outcome). A task that throws
 * anyway, an interrupt of the calling thread or a rejected submission ends the run: every task not yet
 * done is cancelled (running ones interrupted) before the exception leaves. A failure of the iterator
 * itself (a listing that breaks off) is rethrown the same way, unless the caller turns it into one last
 * result with {@link #runAll(Iterator, Function)}.
 *
 * <p>Thread-safe; one instance may run several batches at once (each has its own bound). The executor is
 * the caller's: this type never shuts it down.
 */
public final class BoundedRunner {

  private final Executor executor;
  private final int maxInFlight;

  /**
   * @param executor where tasks run; its own thread count also limits how many run at once
   * @param maxInFlight tasks submitted and not finished at any time, at least 1
   */
  public BoundedRunner(Executor executor, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.executor = Objects.requireNonNull(executor, "executor");
    this.maxInFlight = maxInFlight;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  /**
   * Runs every task; a failure of the iterator is rethrown after the tasks already started are cancelled.
   *
   * @return each task's result, in task order
   * @throws ExecutionException a task threw (its cause); the other tasks were cancelled
   * @throws InterruptedException the calling thread was interrupted; the tasks were cancelled
   */
  public <T> List<T> runAll(Iterator<? extends Supplier<? extends T>> tasks)
      throws InterruptedException, ExecutionException {
    return runAll(tasks, e -> {
      throw e;
    });
  }

  /**
   * Runs every task; when the iterator itself throws, no further task is pulled, the tasks already
   * submitted finish, and {@code whenIteratorFails} (which may rethrow) gives one more result, last.
   *
   * @return each task's result, in task order, then the iterator failure's result if there was one
   * @throws ExecutionException a task threw (its cause); the other tasks were cancelled
   * @throws InterruptedException the calling thread was interrupted; the tasks were cancelled
   */
  public <T> List<T> runAll(Iterator<? extends Supplier<? extends T>> tasks,
      Function<RuntimeException, ? extends T> whenIteratorFails)
      throws InterruptedException, ExecutionException {
    Semaphore slots = new Semaphore(maxInFlight);
    List<FutureTask<T>> futures = new ArrayList<>();
    boolean completed = false;
    try {
      boolean iteratorFailed = false;
      T iteratorFailure = null;
      while (true) {
        Supplier<? extends T> task;
        try {
          if (!tasks.hasNext()) {
            break;
          }
          task = Objects.requireNonNull(tasks.next(), "task");
        } catch (RuntimeException e) {
          iteratorFailure = whenIteratorFails.apply(e);
          iteratorFailed = true;
          break;
        }
        slots.acquire();
        FutureTask<T> future = new FutureTask<>(() -> {
          try {
            return task.get();
          } finally {
            slots.release();
          }
        });
        futures.add(future);
        executor.execute(future);
      }
      List<T> results = new ArrayList<>(futures.size() + 1);
      for (FutureTask<T> future : futures) {
        results.add(future.get());
      }
      if (iteratorFailed) {
        results.add(iteratorFailure);
      }
      completed = true;
      return results;
    } finally {
      if (!completed) {
        futures.forEach(f -> f.cancel(true));
      }
    }
  }
}
