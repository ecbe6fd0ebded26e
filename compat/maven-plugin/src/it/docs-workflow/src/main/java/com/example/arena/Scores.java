package com.example.arena;

import com.example.arena.v1.Player;
import com.example.arena.v1.Tick;

/** Game code that reads the schema's fields: javac fails on it if a field it reads is deleted. */
public final class Scores {

  private Scores() {}

  /** The best score of a tick. */
  public static int best(Tick tick) {
    return tick.getPlayersList().stream().mapToInt(Player::getScore).max().orElse(0);
  }
}
