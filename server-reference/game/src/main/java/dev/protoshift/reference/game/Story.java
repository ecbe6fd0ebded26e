package dev.protoshift.reference.game;

import java.util.List;

/**
 * The current story beat of a room (since 1.1.0, optional feature {@code story}).
 *
 * @param chapterId the chapter
 * @param beatId the beat within the chapter
 * @param text what the story says
 * @param options the choices players have
 */
public record Story(String chapterId, String beatId, String text, List<StoryOption> options) {

  /** @throws NullPointerException if a reference is null; IllegalArgumentException if a string is not well-formed */
  public Story {
    Checks.text("story.chapter_id", chapterId);
    Checks.text("story.beat_id", beatId);
    Checks.text("story.text", text);
    options = Checks.list("story.options", options);
  }
}
