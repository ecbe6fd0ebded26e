package docscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Markdown page's fenced blocks: the shell blocks (bash, sh, shell) with their markers
 * become {@link Block}s; everything that would make the check guess is a problem naming
 * {@code page:line}.
 */
final class Page {

  static final Set<String> SHELL = Set.of("bash", "sh", "shell");
  /** Languages that look like commands but mix prompts and output: written as bash + text instead. */
  static final Set<String> REFUSED = Set.of("console", "shell-session", "sh-session", "zsh", "terminal");
  static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})\\s*([^`\\s]*)(.*)$");
  /** A Maven call that would write the shared local repository (~/.m2). */
  static final Pattern INSTALL = Pattern.compile("\\bmvnw?\\b[^#\\n]*\\s(install|deploy)(\\s|$)");

  final String name;
  final List<Block> blocks = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  /** Fenced blocks of other languages (not run). */
  int otherBlocks;

  private Page(String name) {
    this.name = name;
  }

  static Page parse(String name, List<String> text) {
    Page page = new Page(name);
    page.read(text);
    return page;
  }

  private void read(List<String> text) {
    List<Marker> pending = new ArrayList<>();
    int pendingLine = 0;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      int number = i + 1;
      if (Marker.isMarker(line)) {
        if (pending.isEmpty()) {
          pendingLine = number;
        }
        try {
          pending.add(Marker.parse(line));
        } catch (IllegalArgumentException e) {
          problem(number, e.getMessage());
        }
        continue;
      }
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        if (!pending.isEmpty()) {
          problem(pendingLine, "a docs-check marker must stand directly above a fenced block");
          pending.clear();
        }
        continue;
      }
      int end = closingFence(text, i, fence.group(2));
      if (end < 0) {
        problem(number, "the fenced block is never closed");
        return;
      }
      String language = fence.group(3);
      int indent = fence.group(1).length();
      if (language.isEmpty()) {
        problem(number, "a fenced block needs a language: bash to run it, text for output");
      } else if (REFUSED.contains(language)) {
        problem(number, "```" + language + " is not run: write commands in a bash block and their output in a text block");
      } else if (SHELL.contains(language)) {
        List<String> lines = new ArrayList<>();
        for (int j = i + 1; j < end; j++) {
          lines.add(unindent(text.get(j), indent));
        }
        add(new Block(name, number, lines, pending));
      } else {
        otherBlocks++;
        if (!pending.isEmpty()) {
          problem(pendingLine, "docs-check markers apply only to bash, sh and shell blocks, not " + language);
        }
      }
      pending.clear();
      i = end;
    }
    if (!pending.isEmpty()) {
      problem(pendingLine, "a docs-check marker must stand directly above a fenced block");
    }
  }

  private void add(Block block) {
    long skips = block.markers().stream().filter(Marker.Skip.class::isInstance).count();
    long backgrounds = block.markers().stream().filter(Marker.Background.class::isInstance).count();
    if (skips > 1 || backgrounds > 1) {
      problem(block.fenceLine(), "at most one skip and one background marker per block");
    }
    if (skips == 1 && block.markers().size() > 1) {
      problem(block.fenceLine(), "a skipped block takes no other marker");
    }
    if (block.skipReason().isEmpty()) {
      for (int j = 0; j < block.lines().size(); j++) {
        if (INSTALL.matcher(block.lines().get(j)).find()) {
          problem(block.pageLine(j), "a runnable block must not install or deploy: ~/.m2 is shared with other builds");
        }
      }
    }
    if (block.lines().stream().allMatch(String::isBlank)) {
      problem(block.fenceLine(), "the shell block is empty");
    }
    blocks.add(block);
  }

  private static int closingFence(List<String> text, int open, String fence) {
    for (int j = open + 1; j < text.size(); j++) {
      String s = text.get(j).strip();
      if (s.length() >= fence.length() && s.chars().allMatch(c -> c == fence.charAt(0))) {
        return j;
      }
    }
    return -1;
  }

  private static String unindent(String line, int indent) {
    int k = 0;
    while (k < indent && k < line.length() && line.charAt(k) == ' ') {
      k++;
    }
    return line.substring(k);
  }

  private void problem(int line, String message) {
    problems.add(name + ":" + line + ": " + message);
  }
}
