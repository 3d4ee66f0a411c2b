package io.disputeflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A newcomer learns what a package owns from its package-info.java, so every package of ours has one. */
class PackageDocumentationTests {

  private static final Path SOURCES = Path.of("src/main/java/io/disputeflow");

  @Test
  void shouldDescribeEveryPackageInItsPackageInfo() throws IOException {
    List<Path> undocumented;
    try (Stream<Path> directories = Files.walk(SOURCES)) {
      undocumented = directories.filter(Files::isDirectory)
          .filter(PackageDocumentationTests::holdsClasses)
          .filter(directory -> !Files.exists(directory.resolve("package-info.java")))
          .toList();
    }
    assertThat(undocumented).as("packages without a package-info.java").isEmpty();
  }

  @Test
  void shouldSayWhatThePackageOwnsInItsPackageInfo() throws IOException {
    List<Path> empty;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      empty = files.filter(file -> file.getFileName().toString().equals("package-info.java"))
          .filter(file -> !read(file).contains("/**"))
          .toList();
    }
    assertThat(empty).as("package-info.java files without a description").isEmpty();
  }

  private static boolean holdsClasses(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
