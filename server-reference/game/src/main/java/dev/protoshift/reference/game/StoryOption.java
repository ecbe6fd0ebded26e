package dev.protoshift.reference.game;

/**
 * A choice offered by the current story beat.
 *
 * @param id what a client sends back in {@code choose_story}
 * @param label display text
 */
public record StoryOption(String id, String label) {

  /** @throws NullPointerException if a string is null; IllegalArgumentException if it is not well-formed */
  public StoryOption {
    Checks.text("story_option.id", id);
    Checks.text("story_option.label", label);
  }
}
