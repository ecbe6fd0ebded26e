package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.tools.loadtest.SyntheticRuns.Events;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = LoadTool.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, LoadResults results) throws IOException {
    Path file = dir.resolve(name);
    ResultsJson.write(results, file);
    return file;
  }

  /** Two single-protocol runs, as the seed's load test makes them. */
  private Path[] twoRuns(SyntheticRuns.Shape protobuf, ServerFigures server) throws IOException {
    LoadResults mixed = SyntheticRuns.mixed(30, protobuf, SyntheticRuns.JSON, Events.NONE, Events.NONE, server);
    RunInfo protoRun = new RunInfo("t", "2026-11-27T04:00:00Z", 10, 2, "ws://127.0.0.1:8080/ws", 30, 4, "protobuf",
        "1.2.0", 0, 1, mixed.run().machine());
    RunInfo jsonRun = new RunInfo("t", "2026-11-27T04:05:00Z", 10, 2, "ws://127.0.0.1:8080/ws", 30, 4, "json",
        "none", 0, 1, mixed.run().machine());
    return new Path[] {
        write("proto.json", LoadResults.of(protoRun, List.of(mixed.cohorts().get(0)), server)),
        write("json.json", LoadResults.of(jsonRun, List.of(mixed.cohorts().get(1)), server))};
  }

  @Test
  void compare_runAgainstRun_allTargetsMet_exitsZero() throws IOException {
    Path[] files = twoRuns(SyntheticRuns.PROTOBUF, SyntheticRuns.server(0.08, 0.1));
    Run r = run("compare", files[0].toString(), files[1].toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("candidate  proto.json: protobuf, 30 connections")
        .contains("baseline   json.json: json, 30 connections")
        .contains("bandwidth").contains("PASS: every target met")
        .contains("failed connects (run)");
  }

  @Test
  void compare_targetMissed_exitsOneAndSaysWhich() throws IOException {
    Path[] files = twoRuns(SyntheticRuns.PROTOBUF.withBytes(550), SyntheticRuns.server(0.08, 0.1));
    Run r = run("compare", files[0].toString(), files[1].toString());
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_FAIL);
    assertThat(r.out()).contains("MISSED        bandwidth at least 30% lower").contains("FAIL: 1 of");
  }

  @Test
  void compare_oneMixedFile_comparesItsProtobufCohortWithItsJsonCohort() throws IOException {
    Path file = write("mixed.json", SyntheticRuns.mixed(20));
    Run r = run("compare", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("candidate  mixed.json#protobuf").contains("baseline   mixed.json#json")
        .doesNotContain("failed connects");
  }

  @Test
  void compare_sameFileTwiceWithoutCohorts_meansProtobufAgainstJson() throws IOException {
    Path file = write("mixed.json", SyntheticRuns.mixed(10));
    Run r = run("compare", file.toString(), file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("mixed.json#protobuf").contains("mixed.json#json");
  }

  @Test
  void compare_sameSeed_sameOutput() throws IOException {
    Path file = write("mixed.json", SyntheticRuns.mixed(15));
    assertThat(run("compare", "--seed", "5", file.toString()).out())
        .isEqualTo(run("compare", "--seed", "5", file.toString()).out());
  }

  @Test
  void compare_writesSvgAndHtmlCharts() throws IOException {
    Path file = write("mixed.json", SyntheticRuns.mixed(10));
    Path svg = dir.resolve("out/chart.svg");
    Path html = dir.resolve("chart.html");
    assertThat(run("compare", "--chart", svg.toString(), file.toString()).exit()).isZero();
    assertThat(run("compare", "--chart", html.toString(), file.toString()).exit()).isZero();
    assertThat(Files.readString(svg)).startsWith("<svg");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").contains("PASS: every target met");
  }

  @Test
  void compare_chartWithUnknownExtension_isRefusedBeforeComparing() throws IOException {
    Path file = write("mixed.json", SyntheticRuns.mixed(3));
    Run r = run("compare", "--chart", "chart.png", file.toString());
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--chart must end in .svg or .html, was chart.png");
  }

  @Test
  void compare_missingFile_exitsTwoNamingIt() {
    Run r = run("compare", dir.resolve("absent.json").toString(), dir.resolve("other.json").toString());
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(r.err()).contains("absent.json does not exist");
  }

  @Test
  void compare_mixedFilesWithoutCohorts_exitsTwoAskingForOne() throws IOException {
    Path a = write("a.json", SyntheticRuns.mixed(3));
    Path b = write("b.json", SyntheticRuns.mixed(3));
    Run r = run("compare", a.toString(), b.toString());
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(r.err()).contains("pick one with");
  }

  @Test
  void compare_cohortSelectorsAcrossRuns() throws IOException {
    Path a = write("a.json", SyntheticRuns.mixed(5));
    Path b = write("b.json", SyntheticRuns.mixed(5));
    Run r = run("compare", a + "#protobuf/1.2.0", b + "#json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("a.json#protobuf/1.2.0").contains("b.json#json");
  }

  @Test
  void compare_oneFileWithCohort_isRefusedWithAHint() throws IOException {
    Path a = write("a.json", SyntheticRuns.mixed(3));
    Run r = run("compare", a + "#protobuf");
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(r.err()).contains("give two arguments");
  }

  @Test
  void compare_badOptionValues_exitTwoNamingThem() throws IOException {
    Path file = write("mixed.json", SyntheticRuns.mixed(3));
    assertThat(run("compare", "--resamples", "5", file.toString()).err()).contains("resamples must be 100..1000000, was 5");
    assertThat(run("compare", "--confidence", "1.2", file.toString()).err()).contains("was 1.2");
    Run notANumber = run("compare", "--seed", "x", file.toString());
    assertThat(notANumber.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(notANumber.err()).contains("--seed");
  }

  @Test
  void compare_corruptResults_exitTwoNamingTheFile() throws IOException {
    Path file = dir.resolve("corrupt.json");
    Files.writeString(file, "{\"format\":\"protoshift-loadtest/1\"");
    Run r = run("compare", file.toString(), file.toString());
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(r.err()).contains("corrupt.json").contains("not valid JSON");
  }

  @Test
  void noArguments_printUsageAndExitTwo() {
    Run r = run();
    assertThat(r.exit()).isEqualTo(CompareCommand.EXIT_USAGE);
    assertThat(r.err()).contains("compare");
  }

  @Test
  void compareHelp_exitsZero() {
    Run r = run("compare", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--bandwidth-reduction").contains("Exit codes");
  }
}
