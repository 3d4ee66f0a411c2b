package io.disputeflow.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A virtual X server (Xvfb, on a display number it picks itself) with xdotool for the keyboard and
 * mouse: key presses and clicks as the X server delivers them to a window, the way a person's reach
 * a browser, not through the browser's automation interface. Screenshots with ImageMagick's
 * {@code import} show the whole screen, native browser dialogs included.
 */
public final class XServer implements AutoCloseable {

  private final Process xvfb;
  private final String display;

  private XServer(Process xvfb, String display) {
    this.xvfb = xvfb;
    this.display = display;
  }

  /** Debian packages xvfb, xdotool and imagemagick (.ci/run installs them). */
  public static XServer start(int width, int height) throws IOException {
    Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
        "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
    try {
      String number = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          return null;
        }
      }).get(30, TimeUnit.SECONDS);
      if (number == null || !number.strip().matches("\\d+")) {
        throw new IOException("Xvfb did not start: " + number);
      }
      return new XServer(xvfb, ":" + number.strip());
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      xvfb.destroy();
      throw new IOException("Xvfb did not say its display within 30 s", e);
    }
  }

  public String display() {
    return display;
  }

  /** Moves the pointer to the screen position and clicks the left button there. */
  public void click(int x, int y) throws IOException {
    xdotool("mousemove", "--sync", Integer.toString(x), Integer.toString(y), "click", "1");
  }

  /** Types the text key by key, as a keyboard does. */
  public void type(String text) throws IOException {
    xdotool("type", "--delay", "60", "--", text);
  }

  /** Presses and releases a key by its X name, e.g. {@code Return} or {@code Tab}. */
  public void key(String name) throws IOException {
    xdotool("key", name);
  }

  public void screenshot(Path png) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(List.of("import", "-display", display, "-window", "root", png.toString()));
  }

  private void xdotool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("xdotool"));
    command.addAll(List.of(arguments));
    run(command);
  }

  private void run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DISPLAY", display);
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      process.destroy();
    }
  }

  @Override
  public void close() {
    xvfb.destroy();
  }
}
