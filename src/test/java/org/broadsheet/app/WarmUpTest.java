package org.broadsheet.app;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The warm-up swallows failures so that it can never stop a start; this makes sure each step still
 * does its work, so a library's renamed class or changed API is noticed here rather than as a
 * slower start.
 */
class WarmUpTest {
  @Test
  void everyLibraryStepRunsWithoutFailing() {
    for (Runnable step : WarmUp.librarySteps()) {
      assertThatCode(step::run).doesNotThrowAnyException();
    }
  }
}
