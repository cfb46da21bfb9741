package io.github.edfisdk.load.xml;

import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints the JSON of the first records of a resource in an interchange file: {@code XmlDump FILE RESOURCE [N]}. */
public final class XmlDump {
    public static void main(String[] args) throws Exception {
        DataStandardModel model = DataStandardModel.of(DataStandard.DS5);
        InterchangeFile f = new InterchangeFile(Path.of(args[0]), model);
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        AtomicInteger n = new AtomicInteger();
        f.read(r -> r.name().equalsIgnoreCase(args[1]), false, rec -> {
            if (n.incrementAndGet() <= max) {
                System.out.println(rec.line() + ": " + (rec.readable() ? rec.document() : rec.readError()));
            }
        });
        System.out.println(f.unmapped());
    }
}
