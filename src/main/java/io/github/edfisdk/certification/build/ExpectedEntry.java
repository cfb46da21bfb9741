package io.github.edfisdk.certification.build;

import io.github.edfisdk.certification.catalog.ExpectedValue;
import io.github.edfisdk.certification.catalog.TableRow;
import io.github.edfisdk.model.Property;
import java.util.List;

/**
 * One value a scenario expects: a table row's value for one collection item.
 *
 * @param rowIndex  the index of the row in {@link io.github.edfisdk.certification.catalog.ScenarioPage#rows()}
 * @param row       the row
 * @param items     the item index for each collection-of-objects segment of the row's path (outer first)
 * @param value     the resolved value
 * @param scenario  the number of the scenario whose column holds the value (an earlier one when a PUT keeps it)
 */
public record ExpectedEntry(int rowIndex, TableRow row, List<Integer> items, ExpectedValue value, int scenario) {
    public ExpectedEntry {
        items = List.copyOf(items);
    }

    /** The spec properties from the root to the value. */
    public List<Property> chain() {
        return row.resolution().chain();
    }

    /** The path of the innermost collection of objects holding the value (e.g. "cteProgramServices"), or null. */
    public String collectionPath() {
        List<Property> chain = chain();
        String path = null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chain.size() - 1; i++) {
            sb.append(i == 0 ? "" : ".").append(chain.get(i).name());
            if (chain.get(i).isCollectionOfObjects()) {
                path = sb.toString();
            }
        }
        return path;
    }

    /** "cteProgramServices[0].cipCode" */
    public String displayPath() {
        List<Property> chain = chain();
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (int i = 0; i < chain.size(); i++) {
            sb.append(i == 0 ? "" : ".").append(chain.get(i).name());
            if (chain.get(i).isCollectionOfObjects() && i < chain.size() - 1) {
                sb.append('[').append(items.get(k++)).append(']');
            }
        }
        return sb.toString();
    }
}
