package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

  @TempDir
  Path dir;

  @Test
  void writeThenRead_givesEqualResults() throws IOException {
    LoadResults results = SyntheticRuns.mixed(5);
    Path file = dir.resolve("sub/run.json");
    ResultsJson.write(results, file);
    assertThat(ResultsJson.read(file)).isEqualTo(results);
  }

  @Test
  void writeThenRead_withoutServerFigures_keepsNull() {
    LoadResults results = LoadResults.of(SyntheticRuns.run("json", 2), SyntheticRuns.mixed(2).cohorts(), null);
    String json = ResultsJson.toJson(results);
    assertThat(json).contains("\"server\" : null");
    assertThat(ResultsJson.fromJson(json)).isEqualTo(results);
  }

  @Test
  void toJson_hasTheDocumentedTopLevelFields() {
    String json = ResultsJson.toJson(SyntheticRuns.mixed(2));
    assertThat(json).contains("\"format\" : \"protoshift-loadtest/1\"", "\"run\"", "\"cohorts\"", "\"server\"",
        "\"bytesPerSecondPerConnection\"", "\"latencyMs\"", "\"decodeMs\"", "\"samples\"", "\"latencyUs\"");
  }

  @Test
  void fromJson_otherFormat_isRefusedNamingIt() {
    String json = ResultsJson.toJson(SyntheticRuns.mixed(2)).replace("protoshift-loadtest/1", "protoshift-loadtest/2");
    assertThatThrownBy(() -> ResultsJson.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("protoshift-loadtest/2");
  }

  @Test
  void fromJson_missingField_namesItsPath() {
    String json = ResultsJson.toJson(SyntheticRuns.mixed(2)).replaceFirst("\"gaps\" : 0,", "");
    assertThatThrownBy(() -> ResultsJson.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gaps")
        .hasMessageContaining("$.cohorts[0]");
  }

  @Test
  void fromJson_badValue_namesTheValueAndPath() {
    String json = ResultsJson.toJson(SyntheticRuns.mixed(2)).replaceFirst("\"protocol\" : \"protobuf\"",
        "\"protocol\" : \"xml\"");
    assertThatThrownBy(() -> ResultsJson.fromJson(json))
        .hasMessageContaining("\"xml\"")
        .hasMessageContaining("$.cohorts[0]");
  }

  @Test
  void fromJson_negativeSampleCount_namesTheConnection() {
    String json = ResultsJson.toJson(SyntheticRuns.mixed(2)).replaceFirst("\"repeats\" : 0,\\s*\"disconnects\" : 0,\\s*\"latencyUs\"",
        "\"repeats\" : -4, \"disconnects\" : 0, \"latencyUs\"");
    assertThatThrownBy(() -> ResultsJson.fromJson(json))
        .hasMessageContaining("repeats must be >= 0, was -4 (connection 0)");
  }

  @Test
  void fromJson_notJson_givesLineAndColumn() {
    assertThatThrownBy(() -> ResultsJson.fromJson("{\n  \"format\": ,\n}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON (line 2");
  }

  @Test
  void fromJson_unknownFields_areIgnored() {
    String json = ResultsJson.toJson(SyntheticRuns.mixed(2)).replaceFirst("\\{", "{ \"addedLater\" : 1,");
    assertThat(ResultsJson.fromJson(json)).isEqualTo(SyntheticRuns.mixed(2));
  }

  @Test
  void read_missingFile_namesIt() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> ResultsJson.read(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope.json does not exist");
  }

  @Test
  void read_badFile_namesTheFile() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "[]");
    assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageStartingWith(file.toString());
  }

  @Test
  void loadResults_duplicateCohorts_areRefused() {
    CohortResults c = SyntheticRuns.mixed(2).cohorts().get(0);
    assertThatThrownBy(() -> LoadResults.of(SyntheticRuns.run("json", 2), java.util.List.of(c, c), null))
        .hasMessageContaining("distinct").hasMessageContaining("protobuf/1.2.0");
  }
}
