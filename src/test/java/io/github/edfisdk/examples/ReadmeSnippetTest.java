package io.github.edfisdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use the SDK from Java" quotes sdk-examples/vendor-app (built and run by VendorProjectIT) exactly: the
 * dependency XML, the imports and the code. Edit the example, then copy the marked regions into the README.
 */
class ReadmeSnippetTest {
    static final Path APP = Path.of("sdk-examples/vendor-app");

    @Test
    void theReadmeQuotesTheCompiledExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("## Use the SDK from Java");
        String section = readme.substring(from, readme.indexOf("\n## ", from + 1));

        String pom = Files.readString(APP.resolve("pom.xml"));
        Matcher version = Pattern.compile("<edfi-sdk.version>([^<]+)</edfi-sdk.version>").matcher(pom);
        version.find();
        String dependency = region(pom, "<!-- readme:dependency -->", "<!-- /readme:dependency -->")
                .replace("${edfi-sdk.version}", version.group(1));
        assertEquals(dependency, block(section, "xml"), "README dependency XML");

        String java = Files.readString(APP.resolve("src/main/java/com/example/vendor/StudentSync.java"));
        String code = region(java, "// readme:imports", "// /readme:imports") + "\n"
                + region(java, "// readme:usage", "// /readme:usage");
        assertEquals(code, block(section, "java"), "README Java code");
    }

    /** The lines between the marker lines, with their common indentation removed. */
    static String region(String text, String start, String end) {
        int s = text.indexOf(start);
        int e = text.indexOf(end, s);
        String[] lines = text.substring(text.indexOf('\n', s) + 1, text.lastIndexOf('\n', e) + 1).split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) {
            out.append(lines[i].isBlank() ? "" : lines[i].substring(indent)).append('\n');
        }
        return out.toString();
    }

    /** The first fenced block of a language in a README section. */
    static String block(String section, String language) {
        int s = section.indexOf("```" + language + "\n");
        int e = section.indexOf("```\n", s + 4 + language.length());
        return section.substring(s + 4 + language.length(), e);
    }
}
