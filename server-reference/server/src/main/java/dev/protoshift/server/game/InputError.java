package dev.protoshift.server.game;

/**
 * Why a player's input was refused: a stable code (as in the schema's {@code ServerError.code})
 * and a message naming the bad value.
 */
public record InputError(String code, String message) {

  public static final String BAD_INPUT = "bad_input";
  public static final String UNKNOWN_ITEM = "unknown_item";
  public static final String UNKNOWN_OPTION = "unknown_option";
  public static final String NOT_PLAYING = "not_playing";
}
