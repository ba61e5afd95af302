package org.broadsheet.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging set up in code, which the site starts with instead of a logback.xml. */
class LogSetupTest {
  @Test
  void theSiteLogsOneLinePerEventToStandardErrorAndLibrariesOnlyFromWarn() {
    LoggerContext context = new LoggerContext();
    assertThat(new LogSetup().configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    var appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertThat(appender.isStarted()).isTrue();
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern())
        .isEqualTo(LogSetup.PATTERN);
    assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.broadsheet.web").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void itIsTheConfigurationLogbackFindsAndAnOperatorsOwnFileStillWins() {
    LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    System.setProperty("logback.configurationFile", "operator-logback.xml");
    try {
      assertThat(new LogSetup().configure(new LoggerContext()))
          .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}
