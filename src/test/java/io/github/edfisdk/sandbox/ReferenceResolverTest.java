package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reference of every resource maps onto the full natural key of at least one target resource. */
class ReferenceResolverTest {
    @ParameterizedTest
    @EnumSource(DataStandard.class)
    void everyReferenceResolvesToACompleteKey(DataStandard ds) {
        DataStandardModel model = DataStandardModel.of(ds);
        ReferenceResolver resolver = new ReferenceResolver(model);
        List<String> unresolvable = new ArrayList<>();
        int checked = 0;
        Map<ObjectType, Boolean> seen = new IdentityHashMap<>();
        for (ResourceModel r : model.resources()) {
            checked += walk(r.name(), r.body(), model, resolver, unresolvable, seen);
        }
        assertEquals(List.of(), unresolvable, checked + " references checked");
    }

    private static int walk(String where, ObjectType type, DataStandardModel model, ReferenceResolver resolver, List<String> bad,
                            Map<ObjectType, Boolean> seen) {
        if (seen.put(type, Boolean.TRUE) != null) {
            return 0;
        }
        int n = 0;
        for (Property p : type.properties()) {
            if (p.kind() == Property.Kind.REFERENCE) {
                n++;
                JsonObject value = new JsonObject();
                for (Property f : p.type().properties()) {
                    value.addProperty(f.name(), "1");
                }
                boolean any = false;
                for (String target : p.referenceTargets()) {
                    ResourceModel t = model.resource(target).orElse(null);
                    any |= t != null && resolver.keyFor(p, value, t) != null;
                }
                if (!any) {
                    bad.add(where + "." + p.name() + " -> " + p.referenceTargets());
                }
            } else if (p.type() != null) {
                n += walk(where + "." + p.name(), p.type(), model, resolver, bad, seen);
            }
        }
        return n;
    }
}
