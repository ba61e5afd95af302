package org.broadsheet.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds how many pages are rendered at once. Rendering is CPU work: on a small machine a flood of
 * uncached pages would otherwise take every core from the threads that answer cached pages. Up to
 * {@code maxRenders} run together; up to {@code maxQueued} more wait their turn, each at most
 * {@code maxWaitMillis}; any request beyond that is shed (answered 503 with Retry-After), which
 * costs almost nothing and keeps the hot pages fast.
 */
public final class RenderGate {
  private final Semaphore permits;
  private final int maxRenders;
  private final int maxQueued;
  private final long maxWaitMillis;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong shed = new AtomicLong();

  public RenderGate(int maxRenders, int maxQueued, long maxWaitMillis) {
    this.permits = new Semaphore(maxRenders, true);
    this.maxRenders = maxRenders;
    this.maxQueued = maxQueued;
    this.maxWaitMillis = maxWaitMillis;
  }

  /** A permit to render, held until closed; or null when the request is to be shed. */
  public Permit enter() {
    if (permits.tryAcquire()) {
      return permits::release;
    }
    if (waiting.incrementAndGet() > maxQueued) {
      waiting.decrementAndGet();
      shed.incrementAndGet();
      return null;
    }
    try {
      if (permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
        return permits::release;
      }
      shed.incrementAndGet();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shed.incrementAndGet();
      return null;
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Renders running now. */
  public int inFlight() {
    return maxRenders - permits.availablePermits();
  }

  /** Requests waiting for a permit now. */
  public int queued() {
    return waiting.get();
  }

  /** Requests shed since start. */
  public long shed() {
    return shed.get();
  }

  /** Held while a page renders. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
