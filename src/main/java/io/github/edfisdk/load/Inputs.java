package io.github.edfisdk.load;

import io.github.edfisdk.load.csv.CsvFile;
import io.github.edfisdk.load.csv.CsvMapping;
import io.github.edfisdk.load.xml.InterchangeFile;
import io.github.edfisdk.model.DataStandardModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Opens the input paths: {@code .jsonl}/{@code .ndjson}/{@code .json} as JSON Lines, {@code .csv} with its mapping
 * (the given one, else {@code x.mapping.json} next to it), {@code .xml} as an Ed-Fi interchange. A folder stands for
 * the files in it with those extensions (sorted by name; mapping files are not inputs).
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * @param csvMapping the mapping for every CSV file, or null to use each file's {@code .mapping.json}
     * @throws IOException a path does not exist, has an unknown extension, or a CSV file has no usable mapping
     */
    public static List<InputFile> open(List<Path> paths, DataStandardModel model, Path csvMapping) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(Files::isRegularFile).filter(Inputs::isInput).sorted().toList()) {
                        files.add(open(f, model, csvMapping));
                    }
                }
            } else if (Files.isRegularFile(p)) {
                files.add(open(p, model, csvMapping));
            } else {
                throw new IOException(p + ": no such file or folder");
            }
        }
        return files;
    }

    private static boolean isInput(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.endsWith(".mapping.json") && (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")
                || n.endsWith(".csv") || n.endsWith(".xml"));
    }

    static InputFile open(Path p, DataStandardModel model, Path csvMapping) throws IOException {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xml")) {
            return new InterchangeFile(p, model);
        }
        if (n.endsWith(".csv")) {
            Path mapping = csvMapping != null ? csvMapping : CsvMapping.sidecar(p);
            if (!Files.isRegularFile(mapping)) {
                throw new IOException(p + ": a CSV file needs a mapping: " + mapping + " or --mapping FILE");
            }
            CsvFile csv = new CsvFile(p, CsvMapping.read(mapping, model));
            csv.checkHeader(); // before anything of any input is sent
            return csv;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return new JsonLinesFile(p, model);
        }
        throw new IOException(p + ": unknown input type; use .jsonl, .ndjson, .csv or .xml");
    }
}
