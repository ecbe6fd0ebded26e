package dev.protoshift.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A change that records what the chain did to the message: a list of steps. */
record ToyChange(String title, String featureName) implements VersionChange<List<String>> {

  static ToyChange of(String title) {
    return new ToyChange(title, null);
  }

  static ToyChange feature(String title, String feature) {
    return new ToyChange(title, feature);
  }

  @Override
  public String description() {
    return "What " + title + " changed.";
  }

  @Override
  public Optional<String> feature() {
    return Optional.ofNullable(featureName);
  }

  @Override
  public List<String> downgrade(List<String> message) {
    List<String> out = new ArrayList<>(message);
    out.add("down " + title);
    return out;
  }

  @Override
  public List<String> upgrade(List<String> message) throws DecodeException {
    if (message.contains("poison")) {
      throw DecodeException.invalidField("route", "poisoned");
    }
    List<String> out = new ArrayList<>(message);
    out.add("up " + title);
    return out;
  }
}
