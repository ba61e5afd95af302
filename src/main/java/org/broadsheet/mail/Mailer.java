package org.broadsheet.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text email over SMTP in the background, so no reader waits for a mail server. A
 * message that cannot be sent is logged; what it concerns is already stored.
 */
public final class Mailer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  /** One email to send. */
  public record Mail(String to, String subject, String text, Map<String, String> headers) {}

  private final Supplier<MailSettings> settings;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mail").factory());

  public Mailer(Supplier<MailSettings> settings) {
    this.settings = settings;
  }

  public boolean enabled() {
    return settings.get().enabled();
  }

  public void send(Mail mail) {
    MailSettings current = settings.get();
    if (!current.enabled()) {
      return;
    }
    sender.submit(() -> deliver(current, mail));
  }

  private static void deliver(MailSettings settings, Mail mail) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    boolean authenticate = !settings.username().isBlank();
    properties.put("mail.smtp.auth", Boolean.toString(authenticate));
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(properties));
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
      for (Map.Entry<String, String> header : mail.headers().entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
      if (authenticate) {
        Transport.send(message, settings.username(), settings.password());
      } else {
        Transport.send(message);
      }
      log.info("Sent \"{}\"", mail.subject());
    } catch (MessagingException | RuntimeException e) {
      log.warn("Could not send \"{}\": {}", mail.subject(), e.toString());
    }
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
