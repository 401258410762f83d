package com.bmo.learning.aws.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedRunnerTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void resultsComeInTaskOrderWhateverOrderTheTasksFinishIn() throws Exception {
    CountDownLatch lastDone = new CountDownLatch(1);
    List<Supplier<String>> tasks = List.of(
        () -> await(lastDone, "first"), // finishes only after the last one
        () -> "second",
        () -> {
          lastDone.countDown();
          return "third";
        });

    assertThat(new BoundedRunner(pool, 3).runAll(tasks.iterator())).containsExactly("first", "second", "third");
  }

  @Test
  void neverMoreTasksInFlightThanTheBoundAndTheSourceIsPulledOnlyAsSlotsFree() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger mostPulledAhead = new AtomicInteger();
    AtomicInteger pulled = new AtomicInteger();
    Iterator<Supplier<Integer>> source = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return pulled.get() < 200;
      }

      @Override
      public Supplier<Integer> next() {
        int n = pulled.incrementAndGet();
        mostPulledAhead.accumulateAndGet(n - finished.get(), Math::max);
        return () -> {
          mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          Thread.yield();
          running.decrementAndGet();
          finished.incrementAndGet();
          return n;
        };
      }
    };

    List<Integer> results = new BoundedRunner(pool, 3).runAll(source);

    assertThat(results).containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
    assertThat(mostRunning.get()).isBetween(1, 3);
    // at most 3 in flight plus the one pulled while waiting for a slot
    assertThat(mostPulledAhead.get()).isLessThanOrEqualTo(4);
  }

  @Test
  void anIteratorFailureCanBecomeOneLastResultAfterTheTasksAlreadyPulled() throws Exception {
    Iterator<Supplier<String>> source = failingAfter(List.of(() -> "a", () -> "b"),
        new IllegalStateException("listing broke off"));

    List<String> results = new BoundedRunner(pool, 2).runAll(source, e -> "failed: " + e.getMessage());

    assertThat(results).containsExactly("a", "b", "failed: listing broke off");
  }

  @Test
  void anIteratorFailureIsRethrownByDefaultAndTheStartedTasksAreCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    CountDownLatch observed = new CountDownLatch(1);
    Supplier<String> blocking = () -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
      observed.countDown();
      return "never";
    };
    Iterator<Supplier<String>> tasks = new Iterator<>() {
      private int n;

      @Override
      public boolean hasNext() {
        if (n == 1) {
          await(started, null);
          throw new IllegalStateException("listing broke off");
        }
        return true;
      }

      @Override
      public Supplier<String> next() {
        n++;
        return blocking;
      }
    };

    IllegalStateException thrown = catchThrowableOfType(() -> new BoundedRunner(pool, 2).runAll(tasks),
        IllegalStateException.class);

    assertThat(thrown).hasMessage("listing broke off");
    assertThat(observed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted.get()).isTrue();
  }

  @Test
  void aTaskThatThrowsEndsTheRunWithItsCauseAndCancelsTheRest() throws Exception {
    CountDownLatch blockedStarted = new CountDownLatch(1);
    CountDownLatch blockedInterrupted = new CountDownLatch(1);
    List<Supplier<String>> tasks = List.of(
        () -> {
          await(blockedStarted, null);
          throw new IllegalArgumentException("a bug");
        },
        () -> {
          blockedStarted.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            blockedInterrupted.countDown();
          }
          return "never";
        });

    ExecutionException thrown = catchThrowableOfType(() -> new BoundedRunner(pool, 2).runAll(tasks.iterator()),
        ExecutionException.class);

    assertThat(thrown).hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(blockedInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anInterruptedCallerCancelsTheTasks() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch taskInterrupted = new CountDownLatch(1);
    List<Supplier<String>> tasks = List.of(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        taskInterrupted.countDown();
      }
      return "never";
    });
    AtomicReference<Throwable> callerSaw = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        new BoundedRunner(pool, 1).runAll(tasks.iterator());
      } catch (Exception e) {
        callerSaw.set(e);
      }
    });
    caller.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();
    caller.join(10_000);

    assertThat(callerSaw.get()).isInstanceOf(InterruptedException.class);
    assertThat(taskInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThat(catchThrowableOfType(() -> new BoundedRunner(pool, 0), IllegalArgumentException.class))
        .hasMessageContaining("at least 1");
  }

  private static <T> Iterator<Supplier<T>> failingAfter(List<Supplier<T>> first, RuntimeException failure) {
    Iterator<Supplier<T>> it = new ArrayList<>(first).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (!it.hasNext()) {
          throw failure;
        }
        return true;
      }

      @Override
      public Supplier<T> next() {
        return it.next();
      }
    };
  }

  private static <T> T await(CountDownLatch latch, T value) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return value;
  }
}
