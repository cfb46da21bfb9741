package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.model.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The scenario pages of a suite, parsed once per JVM (pages are packaged in the jar). Immutable. */
public final class ScenarioCatalog {
    private static final Map<Suite, ScenarioCatalog> CACHE = Collections.synchronizedMap(new EnumMap<>(Suite.class));

    private final Suite suite;
    private final List<ScenarioPage> pages;

    private ScenarioCatalog(Suite suite, List<ScenarioPage> pages) {
        this.suite = suite;
        this.pages = List.copyOf(pages);
    }

    /** Every page of the suite (packaged, or from {@code -Dedfi.shared.dir}). */
    public static ScenarioCatalog of(Suite suite) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(suite, s -> {
                ScenarioPageParser parser = new ScenarioPageParser(s);
                List<ScenarioPage> pages = new ArrayList<>();
                for (String file : s.pageFiles()) {
                    String path = s.pagesFolder() + "/" + file;
                    pages.add(parser.parse(path, readPackaged(path)));
                }
                return new ScenarioCatalog(s, pages);
            });
        }
    }

    /** Parses one page from a file, e.g. a user's own table ({@code --table FILE}). */
    public static ScenarioPage parseFile(Suite suite, Path file) {
        try {
            return new ScenarioPageParser(suite).parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenario table " + file, e);
        }
    }

    public Suite suite() {
        return suite;
    }

    public List<ScenarioPage> pages() {
        return pages;
    }

    /**
     * A page by resource name ({@code StudentCTEProgramAssociation}, any case, plural accepted) or by file name
     * ({@code student-cte-program-association-scenarios.md}).
     */
    public Optional<ScenarioPage> page(String name) {
        String k = name.trim().toLowerCase(Locale.ROOT);
        for (ScenarioPage p : pages) {
            String file = p.source().substring(p.source().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (file.equals(k) || file.equals(k + ".md")
                    || p.resourceName().equalsIgnoreCase(name.trim())
                    || (p.resource() != null && (p.resource().name().equalsIgnoreCase(name.trim())
                    || p.resource().collection().equalsIgnoreCase(name.trim())))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #page(String)}, failing with the list of pages. */
    public ScenarioPage require(String name) {
        return page(name).orElseThrow(() -> new IllegalArgumentException("No scenario page '" + name + "' in "
                + suite.folder() + " (pages: " + pages.stream().map(ScenarioPage::resourceName).toList() + ")"));
    }

    private static String readPackaged(String path) {
        try (InputStream in = SharedFiles.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
