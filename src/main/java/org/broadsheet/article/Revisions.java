package org.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.broadsheet.storage.Transaction;

/**
 * Keeping a revision of an article after each save, reading revisions back, and the readable
 * difference between two of them.
 */
final class Revisions {
  /** Lines of context around each change in a field's line diff. */
  private static final int CONTEXT_LINES = 2;

  /** What a revision's JSON holds. */
  record Snapshot(ArticleDraft draft, List<String> corrections) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // A revision written by a later version with a field more is still read.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final DraftStore drafts;
  private final RevisionStore store = new RevisionStore();
  private final Clock clock;

  Revisions(DraftStore drafts, Clock clock) {
    this.drafts = drafts;
    this.clock = clock;
  }

  /** Keeps the article as it stands now, in the caller's transaction, as saved by this actor. */
  void keep(Transaction tx, long articleId, Actor actor, String what) {
    DraftStore.Stored stored = drafts.stored(tx, articleId).orElseThrow();
    List<String> corrections =
        CorrectionStore.standing(tx.handle(), articleId).stream().map(Revisions::line).toList();
    store.add(
        tx,
        articleId,
        stored.version(),
        clock.instant(),
        actor,
        what,
        write(new Snapshot(stored.draft(), corrections)));
  }

  List<Revision> ofArticle(Transaction tx, long articleId) {
    return store.ofArticle(tx, articleId).stream().map(Revisions::revision).toList();
  }

  java.util.Optional<Revision> byId(Transaction tx, long id) {
    return store.byId(tx, id).map(Revisions::revision);
  }

  java.util.Optional<Revision> latest(Transaction tx, long articleId) {
    return store.latest(tx, articleId).map(Revisions::revision);
  }

  /** Field by field, older first whichever order they are given in. */
  static RevisionDiff diff(Revision a, Revision b) {
    Revision from = a.id() <= b.id() ? a : b;
    Revision to = from == a ? b : a;
    Map<String, String> before = readable(from);
    Map<String, String> after = readable(to);
    List<RevisionDiff.FieldChange> changes = new ArrayList<>();
    for (String field : before.keySet()) {
      String old = before.get(field);
      String now = after.get(field);
      if (!Objects.equals(old, now)) {
        changes.add(new RevisionDiff.FieldChange(field, old, now, lines(field, old, now)));
      }
    }
    return new RevisionDiff(from, to, changes);
  }

  private static List<String> lines(String field, String before, String after) {
    if (!before.contains("\n") && !after.contains("\n") && !field.equals("Body")) {
      return List.of();
    }
    List<String> old = before.lines().toList();
    List<String> now = after.lines().toList();
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            field, field, old, DiffUtils.diff(old, now), CONTEXT_LINES);
    // The two file-name lines say nothing a reader of one field needs.
    return unified.size() > 2 ? unified.subList(2, unified.size()) : List.of();
  }

  /** Every field as a person reads it, in the order an article's form shows them. */
  private static Map<String, String> readable(Revision revision) {
    ArticleDraft d = revision.content();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Status", d.status().label());
    fields.put("Slug", text(d.slug()));
    fields.put("Type", d.type().word());
    fields.put("Section", text(d.sectionName()));
    fields.put("Kicker", text(d.kicker()));
    fields.put("Headline", text(d.headline()));
    fields.put("Standfirst", text(d.standfirst()));
    fields.put("Authors", String.join(", ", d.authorNames()));
    fields.put("Dateline", text(d.dateline()));
    fields.put("Body", text(d.body()));
    fields.put("Tags", String.join(", ", d.tags()));
    fields.put("Published at", String.valueOf(d.publishedAt()));
    fields.put("Updated at", String.valueOf(d.updatedAt()));
    fields.put("Lead picture", d.leadImageId() == null ? "" : "picture " + d.leadImageId());
    fields.put("Lead caption", text(d.leadCaption()));
    fields.put("Lead alt text", text(d.leadAltText()));
    fields.put(
        "Card crop",
        d.cardCrop() == null
            ? ""
            : d.cardCrop().ratio()
                + ", focal point "
                + d.cardCrop().focusX()
                + "% from the left, "
                + d.cardCrop().focusY()
                + "% from the top");
    fields.put("Card alt text", text(d.cardAltText()));
    fields.put(
        "Pictures in the body",
        d.figureImageIds().entrySet().stream()
            .map(e -> e.getKey() + ": picture " + e.getValue())
            .collect(Collectors.joining("\n")));
    fields.put(
        "Sources",
        d.sources().stream()
            .map(
                s ->
                    s.name()
                        + " ("
                        + s.kind().word()
                        + ")"
                        + (text(s.link()).isEmpty() ? "" : " " + s.link())
                        + (text(s.reason()).isEmpty() ? "" : ": " + s.reason()))
            .collect(Collectors.joining("\n")));
    fields.put("Corrections", String.join("\n", revision.corrections()));
    fields.put("Source file", text(d.sourcePath()));
    return fields;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String line(Correction correction) {
    return correction.kind().label()
        + ", "
        + correction.date().toString().substring(0, 10)
        + ": "
        + correction.text();
  }

  private static Revision revision(RevisionStore.Row row) {
    Snapshot snapshot = read(row.content());
    return new Revision(
        row.id(),
        row.articleId(),
        row.version(),
        row.savedAt(),
        row.actor(),
        row.actorUserId(),
        row.what(),
        snapshot.draft(),
        snapshot.corrections() == null ? List.of() : snapshot.corrections());
  }

  private static String write(Snapshot snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An article revision could not be written as JSON", e);
    }
  }

  private static Snapshot read(String json) {
    try {
      return JSON.readValue(json, Snapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An article revision could not be read: " + e, e);
    }
  }
}
