package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * This module's pom is a user's (no parent, its own versions), so nothing keeps those versions in
 * step with the build's but this test: protoshift's own version (the BOM and the plugin), and
 * every third-party version the root pom also pins.
 */
class ExamplePomTest {

  private static final Document EXAMPLE = parse(Path.of("pom.xml"));
  private static final Document ROOT = parse(Path.of("../../pom.xml"));

  @Test
  void pom_hasNoParent_soTheBomAloneManagesProtoshiftsArtifacts() {
    assertThat(EXAMPLE.getDocumentElement().getElementsByTagName("parent").getLength()).isZero();
  }

  @Test
  void bomImportAndPlugin_areTheBuildsVersion() {
    String version = text(ROOT.getDocumentElement(), "version");
    assertThat(artifact("dependency", "protoshift-bom")).isEqualTo(version);
    assertThat(artifact("plugin", "protoshift-maven-plugin")).isEqualTo(version);
    assertThat(text(EXAMPLE.getDocumentElement(), "version")).isEqualTo(version);
  }

  @Test
  void thirdPartyVersions_areTheRootPomsVersions() {
    Map<String, String> root = properties(ROOT);
    Map<String, String> example = properties(EXAMPLE);
    example.forEach((name, value) -> {
      if (root.containsKey(name)) {
        assertThat(value).as("property %s", name).isEqualTo(root.get(name));
      }
    });
    assertThat(example).containsKeys("protobuf.version", "netty.version", "micrometer.version", "junit.version");
    assertThat(artifact("plugin", "protobuf-maven-plugin")).isEqualTo(root.get("protobuf-maven-plugin.version"));
    Element protobufPlugin = element("plugin", "protobuf-maven-plugin");
    assertThat(text(protobufPlugin, "protoc")).isEqualTo(root.get("protoc.version"));
  }

  @Test
  void module_isNeitherInstalledNorDeployed() {
    assertThat(properties(EXAMPLE)).containsEntry("maven.install.skip", "true").containsEntry("maven.deploy.skip", "true");
  }

  private static String artifact(String tag, String artifactId) {
    return text(element(tag, artifactId), "version");
  }

  private static Element element(String tag, String artifactId) {
    NodeList nodes = EXAMPLE.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (artifactId.equals(text(e, "artifactId"))) {
        return e;
      }
    }
    throw new AssertionError("no " + tag + " " + artifactId + " in examples/arena/pom.xml");
  }

  /** The text of {@code parent}'s first child element named {@code tag}. */
  private static String text(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().strip();
      }
      if (n instanceof Element e && e.getTagName().equals("configuration")) {
        String inside = text(e, tag);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  private static Map<String, String> properties(Document pom) {
    Map<String, String> properties = new HashMap<>();
    NodeList nodes = pom.getDocumentElement().getElementsByTagName("properties");
    Element props = (Element) nodes.item(0);
    for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        properties.put(e.getTagName(), e.getTextContent().strip());
      }
    }
    return properties;
  }

  private static Document parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
