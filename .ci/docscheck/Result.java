package docscheck;

/** What happened to one block (or, with a null block, to the page as a whole). */
record Result(String location, Status status, long millis, String detail) {

  enum Status { PASS, FAIL, SKIP, NOT_RUN }

  String line() {
    String time = status == Status.PASS || status == Status.FAIL ? String.format("%6.1fs", millis / 1000.0) : "       ";
    return String.format("%-7s %s  %s%s", status == Status.NOT_RUN ? "NOT RUN" : status, time, location,
        detail.isEmpty() ? "" : "  " + detail);
  }
}
