package cn.chongchuan.safetycredit.e2e.deploy;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code deploy/Dockerfile} does to a service jar, read from the file itself so that the test
 * starting the services "as the image does" cannot drift from it: the extraction command, the
 * extracted directories copied into the image (in order), the user and the entrypoint.
 */
record Dockerfile(List<String> extractCommand, String extractWorkdir, List<String> layers, String user,
        List<String> entrypoint) {

    static Dockerfile read() {
        Path file = Manifests.root().resolve("deploy/Dockerfile");
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        List<String> extract = null;
        String extractWorkdir = null;
        String workdir = null;
        String user = null;
        List<String> entrypoint = null;
        List<String> layers = new ArrayList<>();
        for (String instruction : instructions) {
            String[] words = instruction.split("\\s+", 2);
            String argument = words.length > 1 ? words[1] : "";
            switch (words[0].toUpperCase()) {
                case "FROM" -> workdir = "/";
                case "WORKDIR" -> workdir = argument;
                case "RUN" -> {
                    if (argument.contains("-Djarmode=tools")) {
                        extract = Arrays.asList(argument.split("\\s+"));
                        extractWorkdir = workdir;
                    }
                }
                case "COPY" -> {
                    String[] parts = argument.split("\\s+");
                    if (parts[0].startsWith("--from=")) {
                        String source = parts[1];
                        if (extractWorkdir == null || !source.startsWith(extractWorkdir + "/")) {
                            throw new IllegalStateException("COPY " + source + " is not below the extraction stage's " + extractWorkdir);
                        }
                        layers.add(source.substring(extractWorkdir.length() + 1));
                    }
                }
                case "USER" -> user = argument;
                case "ENTRYPOINT" -> entrypoint = Arrays.asList(JsonMapper.shared().readValue(argument, String[].class));
                default -> {
                }
            }
        }
        if (extract == null || entrypoint == null || layers.isEmpty()) {
            throw new IllegalStateException("deploy/Dockerfile has no tools-jarmode extraction, no layer copies or no "
                    + "ENTRYPOINT in exec form");
        }
        return new Dockerfile(List.copyOf(extract), extractWorkdir, List.copyOf(layers), user, List.copyOf(entrypoint));
    }

    /** The jar the extraction reads, as the image's build copies it ({@code -jar app.jar}). */
    String jarName() {
        return extractCommand.get(extractCommand.indexOf("-jar") + 1);
    }

    /** A command of the image with its {@code java} replaced by the JDK running the tests. */
    static List<String> withJava(List<String> command, String java) {
        if (!command.getFirst().equals("java")) {
            throw new IllegalStateException("expected the command to start with java: " + command);
        }
        List<String> replaced = new ArrayList<>(command);
        replaced.set(0, java);
        return replaced;
    }
}
