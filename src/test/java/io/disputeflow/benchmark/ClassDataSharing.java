package io.disputeflow.benchmark;

import io.disputeflow.support.ApplicationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Spring Boot's class-data-sharing recipe for a faster start (README "Production"): the packaged jar
 * extracted, one training run that stops after the context refresh and writes an archive of the
 * classes it loaded, then starts that map the archive instead of loading those classes again.
 */
final class ClassDataSharing {

  private final Path jar;
  private final Path archive;

  private ClassDataSharing(Path jar, Path archive) {
    this.jar = jar;
    this.archive = archive;
  }

  /** Extracts the build's packaged jar under {@code directory} and trains the archive there. */
  static ClassDataSharing prepare(Path directory, String heap) throws IOException, InterruptedException {
    Path packaged;
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      packaged = jars.filter(p -> p.getFileName().toString().matches("disputeflow-.*\\.jar")
              && !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run the package phase"));
    }
    FileSystemUtils.deleteRecursively(directory);
    Files.createDirectories(directory);
    Path extracted = directory.resolve("app");
    run(directory.resolve("extract.log"), ApplicationProcess.java(), "-Djarmode=tools", "-jar", packaged.toString(), "extract",
        "--destination", extracted.toString());
    ClassDataSharing cds = new ClassDataSharing(extracted.resolve(packaged.getFileName()),
        directory.resolve("disputeflow.jsa"));
    run(directory.resolve("training.log"), ApplicationProcess.java(), "-Xmx" + heap, "-XX:ArchiveClassesAtExit=" + cds.archive,
        "-Dspring.context.exit=onRefresh", "-jar", cds.jar.toString(),
        "--spring.datasource.url=jdbc:h2:mem:cds-training", "--disputeflow.demo.import-cfpb=",
        "--logging.level.root=WARN");
    return cds;
  }

  /** The JVM options and main jar that start the extracted application, with or without the archive. */
  List<String> launch(boolean withArchive) {
    List<String> launch = new ArrayList<>();
    if (withArchive) {
      launch.add("-XX:SharedArchiveFile=" + archive);
    }
    launch.addAll(List.of("-jar", jar.toString()));
    return launch;
  }

  private static void run(Path log, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("Class-data-sharing step failed; see " + log);
    }
  }
}
