package dev.protoshift.server.game;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The room's story: a fixed graph of beats; any player of the room may choose one of the
 * current beat's options, which moves the whole room to the next beat.
 */
final class StoryBook {

  record Option(String id, String label, String nextBeat) {}

  record Beat(String chapterId, String id, String text, List<Option> options) {}

  private static final Map<String, Beat> BEATS = Map.of(
      "arrival", new Beat("manor", "arrival", "The manor gates creak open. Something moves in the fog.",
          List.of(new Option("explore", "Go inside", "hall"), new Option("wait", "Wait for dawn", "vigil"))),
      "hall", new Beat("manor", "hall", "Portraits follow you with their eyes.",
          List.of(new Option("upstairs", "Climb the stairs", "attic"), new Option("cellar", "Open the cellar", "crypt"))),
      "vigil", new Beat("manor", "vigil", "The fog thickens; the ghosts grow bold.",
          List.of(new Option("explore", "Go inside after all", "hall"))),
      "attic", new Beat("finale", "attic", "A music box plays by itself. The ghosts gather.",
          List.of(new Option("restart", "Leave the manor", "arrival"))),
      "crypt", new Beat("finale", "crypt", "Cold stone, and a name you know on every tomb.",
          List.of(new Option("restart", "Leave the manor", "arrival"))));

  private Beat current = BEATS.get("arrival");

  Beat current() {
    return current;
  }

  /** Moves to the chosen option's next beat; empty if the option is not one of the current beat's. */
  Optional<Beat> choose(String optionId) {
    for (Option option : current.options()) {
      if (option.id().equals(optionId)) {
        current = BEATS.get(option.nextBeat());
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }
}
