package dev.protoshift.session;

import com.fasterxml.jackson.core.JsonFactory;

/** The session library's JSON plumbing. */
final class JsonText {

  static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}
}
