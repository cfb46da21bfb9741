package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Places the (container, property) of a table row in the resource's JSON, following the rows in page order (a parent
 * row declares the container its child rows use). The rules, tried in this order, are reported in
 * {@link PropertyResolution#rule()}:
 *
 * <p>Containers (column 1):
 * <ol>
 *   <li>the page's resource by name, plural or collection name, any case ({@code StudentCTEProgramAssociations});</li>
 *   <li>a container declared by an earlier parent row, under its property name or its Data Type name
 *       ({@code cteProgram | cteProgram[]} declares {@code ctePrograms});</li>
 *   <li>a reference, object or collection anywhere in the resource, by JSON name or by the Ed-Fi type name of its
 *       items, singular or plural, any case ({@code educationOrganizationAddresses} is {@code addresses},
 *       {@code educationOrganizationAddressPeriods} is {@code addresses.periods}); the shallowest match wins and
 *       equally deep matches are reported as ambiguous;</li>
 *   <li>another resource's name: its reference in this resource ({@code Calendars} is {@code calendarReference}),
 *       else the page's resource.</li>
 * </ol>
 * <p>When no container matches, a scalar or descriptor of exactly the row's name on the resource itself is taken
 * (pages written for an older model, e.g. the behaviors of StudentDisciplineIncidentBehaviorAssociation).
 *
 * <p>Properties (column 2) within the container: exact; any case; a known alias ({@link #ALIASES}); the name plus
 * "Descriptor"; singular/plural; a spelling at most 2 edits away ({@code schooYearTypeReference}) when only one
 * property is that close; a key of a reference of the container (flattened reference keys, e.g.
 * {@code educationOrganizationId} is {@code educationOrganizationReference.educationOrganizationId}), preferring the
 * reference declared by the nearest parent row; a property of a collection or object one level down
 * ({@code BellSchedule | classPeriodReference} is {@code classPeriods.classPeriodReference}).
 */
final class PropertyResolver {
    /** Names on the pages that no general rule maps (lower case) to the spec's names to try. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "sextype", List.of("sexDescriptor", "sexTypeDescriptor"),
            "staffcredentals", List.of("credentials"),
            "staffcredentials", List.of("credentials"),
            "electronicmailtype", List.of("electronicMailTypeDescriptor"),
            "courseofferingcurriculumuseds", List.of("curriculumUseds"),
            // DS 3's StudentDisciplineIncidentAssociation.studentParticipationCodeDescriptor; DS 4.0 keeps the code in
            // StudentDisciplineIncidentBehaviorAssociation.disciplineIncidentParticipationCodes[] (the v4 page still
            // uses the old name).
            "studentparticipationcodedescriptor", List.of("disciplineIncidentParticipationCodeDescriptor"));

    private record Ctx(List<Property> prefix, ObjectType type, String rule) {
    }

    private record Found(List<Property> chain, String rule) {
    }

    private final DataStandardModel model;
    private final ResourceModel resource;
    private final Ctx root;
    private final Map<String, Ctx> declared = new HashMap<>();
    /** The last reference a parent row declared in each container (by the container's type name). */
    private final Map<String, Property> lastReference = new HashMap<>();

    PropertyResolver(DataStandardModel model, ResourceModel resource) {
        this.model = model;
        this.resource = resource;
        this.root = new Ctx(List.of(), resource.body(), "");
    }

    PropertyResolution resolve(String container, String property, String dataType, boolean hasValues) {
        if (property.isBlank()) {
            return PropertyResolution.unresolved("empty property name");
        }
        Optional<Ctx> ctx = container(container);
        if (ctx.isEmpty()) {
            // The page describes an older model (e.g. behaviors[] that DS 4.0 flattened onto the resource): a
            // property of exactly this name on the resource itself is taken, and the rule says so.
            Optional<Property> onRoot = resource.body().property(property);
            if (onRoot.isPresent() && onRoot.get().type() == null) {
                return PropertyResolution.resolved(List.of(onRoot.get()), "container " + container
                        + " is not in " + resource.name() + "; " + property + " found on the resource");
            }
            return PropertyResolution.unresolved("container '" + container + "' matches no resource, reference,"
                    + " collection or type of " + resource.name());
        }
        Ctx c = ctx.get();
        Optional<Found> found = property(c.type, property);
        if (found.isEmpty()) {
            return PropertyResolution.unresolved("no property '" + property + "' in " + where(c) + " (has "
                    + c.type.properties().stream().map(Property::name).toList() + ")");
        }
        List<Property> chain = new ArrayList<>(c.prefix);
        chain.addAll(found.get().chain);
        Property last = chain.get(chain.size() - 1);
        if (last.type() != null) {
            Ctx declaredCtx = new Ctx(chain, last.type(), "declared by row " + container + " | " + property);
            for (String k : List.of(property, last.name(), typeName(dataType))) {
                if (!k.isBlank()) {
                    declared.put(k.toLowerCase(Locale.ROOT), declaredCtx);
                    declared.put(loose(k), declaredCtx);
                }
            }
            if (last.kind() == Property.Kind.REFERENCE && found.get().chain.size() == 1) {
                lastReference.put(c.type.name(), last);
            }
        }
        String rule = join(c.rule, found.get().rule);
        return PropertyResolution.resolved(chain, rule.isEmpty() ? "exact" : rule);
    }

    private String where(Ctx c) {
        return c.prefix.isEmpty() ? resource.name()
                : String.join(".", c.prefix.stream().map(Property::name).toList());
    }

    private Optional<Ctx> container(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(resource.name().toLowerCase(Locale.ROOT))
                || lower.equals(resource.collection().toLowerCase(Locale.ROOT))
                || loose(name).equals(loose(resource.name()))
                || model.resource(name).filter(r -> r == resource).isPresent()) {
            return Optional.of(root);
        }
        Ctx d = declared.get(lower);
        if (d == null) {
            d = declared.get(loose(name));
        }
        if (d != null) {
            String path = String.join(".", d.prefix.stream().map(Property::name).toList());
            String last = d.prefix.get(d.prefix.size() - 1).name();
            return Optional.of(name.equals(last) ? new Ctx(d.prefix, d.type, "")
                    : new Ctx(d.prefix, d.type, "container " + name + " -> " + path + " (" + d.rule + ")"));
        }
        Optional<Ctx> searched = search(name);
        if (searched.isPresent()) {
            return searched;
        }
        for (String alias : ALIASES.getOrDefault(lower, List.of())) {
            searched = search(alias).map(x -> new Ctx(x.prefix, x.type, "alias container " + name + " -> "
                    + String.join(".", x.prefix.stream().map(Property::name).toList())));
            if (searched.isPresent()) {
                return searched;
            }
        }
        // "studentSchoolFoodServiceProgramAssociationsProgramReference": the resource's name, then the container
        for (String rest : withoutResourcePrefix(name)) {
            searched = search(rest);
            if (searched.isPresent()) {
                Ctx x = searched.get();
                return Optional.of(new Ctx(x.prefix, x.type, "resource-prefixed container " + name + " -> "
                        + String.join(".", x.prefix.stream().map(Property::name).toList())));
            }
        }
        Optional<ResourceModel> other = model.resource(name);
        if (other.isEmpty() && lower.endsWith("s")) {
            other = model.resource(name.substring(0, name.length() - 1));
        }
        if (other.isPresent()) {
            for (Property p : resource.body().properties()) {
                if (p.kind() == Property.Kind.REFERENCE && p.referenceTargets().contains(other.get().name())) {
                    return Optional.of(new Ctx(List.of(p), p.type(), "container " + name + " names resource "
                            + other.get().name() + ": read as " + p.name()));
                }
            }
            return Optional.of(new Ctx(List.of(), resource.body(), "container " + name + " names resource "
                    + other.get().name() + ": read on " + resource.name()));
        }
        return Optional.empty();
    }

    /** Breadth-first search of the resource's object properties by JSON name or item type name. */
    private Optional<Ctx> search(String name) {
        String key = loose(name);
        List<List<Property>> level = new ArrayList<>();
        for (Property p : resource.body().properties()) {
            if (p.type() != null) {
                level.add(List.of(p));
            }
        }
        for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
            List<List<Property>> matches = new ArrayList<>();
            List<List<Property>> next = new ArrayList<>();
            for (List<Property> chain : level) {
                Property p = chain.get(chain.size() - 1);
                if (loose(p.name()).equals(key) || loose(typeName(p.type().name())).equals(key)) {
                    matches.add(chain);
                }
                for (Property child : p.type().properties()) {
                    if (child.type() != null && child.kind() != Property.Kind.REFERENCE) {
                        List<Property> longer = new ArrayList<>(chain);
                        longer.add(child);
                        next.add(longer);
                    } else if (child.kind() == Property.Kind.REFERENCE) {
                        List<Property> longer = new ArrayList<>(chain);
                        longer.add(child);
                        if (loose(child.name()).equals(key) || loose(typeName(child.type().name())).equals(key)) {
                            next.add(0, longer); // a reference inside an item is one level down
                        }
                    }
                }
            }
            if (matches.size() == 1) {
                List<Property> m = matches.get(0);
                Property p = m.get(m.size() - 1);
                String path = String.join(".", m.stream().map(Property::name).toList());
                String rule = p.name().equals(name) && m.size() == 1 ? "" : "container " + name + " -> " + path;
                return Optional.of(new Ctx(m, p.type(), rule));
            }
            if (matches.size() > 1) {
                return Optional.empty();
            }
            level = next;
        }
        return Optional.empty();
    }

    private Optional<Found> property(ObjectType type, String name) {
        Optional<Property> p = type.property(name);
        if (p.isPresent()) {
            return found(p.get(), "");
        }
        p = type.propertyIgnoreCase(name);
        if (p.isPresent()) {
            return found(p.get(), "case-insensitive " + name + " -> " + p.get().name());
        }
        for (String alias : ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            p = type.propertyIgnoreCase(alias);
            if (p.isPresent()) {
                return found(p.get(), "alias " + name + " -> " + p.get().name());
            }
        }
        p = type.propertyIgnoreCase(name + "Descriptor");
        if (p.isPresent()) {
            return found(p.get(), "descriptor " + name + " -> " + p.get().name());
        }
        String key = loose(name);
        for (Property q : type.properties()) {
            if (loose(q.name()).equals(key)) {
                return found(q, "singular/plural " + name + " -> " + q.name());
            }
        }
        Property closest = null;
        int best = Integer.MAX_VALUE;
        boolean tie = false;
        String lower = name.toLowerCase(Locale.ROOT);
        for (Property q : type.properties()) {
            int d = distance(lower, q.name().toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                closest = q;
                tie = false;
            } else if (d == best) {
                tie = true;
            }
        }
        int allowed = name.length() >= 8 ? 2 : 1;
        if (closest != null && best <= allowed && !tie) {
            return found(closest, "spelling " + name + " -> " + closest.name());
        }
        for (String rest : withoutResourcePrefix(name)) {
            Optional<Property> q = type.propertyIgnoreCase(rest);
            if (q.isEmpty()) {
                String k = loose(rest);
                q = type.properties().stream().filter(x -> loose(x.name()).equals(k)).findFirst();
            }
            if (q.isPresent()) {
                return found(q.get(), "resource-prefixed " + name + " -> " + q.get().name());
            }
        }
        // Flattened reference key: prefer the reference the nearest parent row declared.
        Property preferred = lastReference.get(type.name());
        if (preferred != null && preferred.type() != null && preferred.type().propertyIgnoreCase(name).isPresent()) {
            return Optional.of(new Found(List.of(preferred, preferred.type().propertyIgnoreCase(name).get()),
                    "flattened reference key " + name + " -> " + preferred.name() + "." + name));
        }
        List<List<Property>> refs = new ArrayList<>();
        List<List<Property>> nested = new ArrayList<>();
        for (Property q : type.properties()) {
            if (q.type() == null) {
                continue;
            }
            Optional<Property> inner = q.type().propertyIgnoreCase(name);
            if (inner.isPresent()) {
                (q.kind() == Property.Kind.REFERENCE ? refs : nested).add(List.of(q, inner.get()));
            }
        }
        if (refs.size() == 1) {
            List<Property> c = refs.get(0);
            return Optional.of(new Found(c, "flattened reference key " + name + " -> " + c.get(0).name() + "."
                    + c.get(1).name()));
        }
        if (refs.isEmpty() && nested.size() == 1) {
            List<Property> c = nested.get(0);
            return Optional.of(new Found(c, "nested " + name + " -> " + c.get(0).name() + "." + c.get(1).name()));
        }
        for (String alias : ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            for (Property q : type.properties()) {
                Optional<Property> inner = q.type() == null || q.kind() == Property.Kind.REFERENCE ? Optional.empty()
                        : q.type().propertyIgnoreCase(alias);
                if (inner.isPresent()) {
                    return Optional.of(new Found(List.of(q, inner.get()), "alias " + name + " -> " + q.name() + "."
                            + inner.get().name()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The name without a leading resource name ({@code courseIdentificationCodes} -> {@code IdentificationCodes}),
     * and without the next word too ({@code ...AssociationsStudentLanguages} -> {@code Languages}); empty if the
     * name does not start with the resource's name.
     */
    private List<String> withoutResourcePrefix(String name) {
        String n = resource.name();
        List<String> out = new ArrayList<>();
        for (String prefix : List.of(n + "s", n)) {
            if (name.length() > prefix.length() && name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                String rest = name.substring(prefix.length());
                out.add(rest);
                for (int i = 1; i < rest.length(); i++) {
                    if (Character.isUpperCase(rest.charAt(i))) {
                        out.add(rest.substring(i));
                        break;
                    }
                }
                break;
            }
        }
        return out;
    }

    private static Optional<Found> found(Property p, String rule) {
        return Optional.of(new Found(List.of(p), rule));
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "; " + b;
    }

    /** "edFi_educationOrganizationAddress" -> "educationOrganizationAddress"; "cteProgram[]" -> "cteProgram". */
    static String typeName(String s) {
        String t = s.replace("\\", "").replaceAll("[\\[\\]{}\\s]", "");
        int u = t.indexOf('_');
        return u >= 0 ? t.substring(u + 1) : t;
    }

    /**
     * A comparison key that ignores case and plurals of every camel-case word:
     * {@code studentEducationOrganizationAssociationsTelephones} and
     * {@code studentEducationOrganizationAssociationTelephone} have the same key.
     */
    static String loose(String s) {
        StringBuilder out = new StringBuilder();
        String t = typeName(s);
        int start = 0;
        for (int i = 1; i <= t.length(); i++) {
            if (i == t.length() || Character.isUpperCase(t.charAt(i))) {
                out.append(singular(t.substring(start, i).toLowerCase(Locale.ROOT)));
                start = i;
            }
        }
        return out.toString();
    }

    private static String singular(String w) {
        if (w.equals("uses")) {
            return "use";
        }
        if (w.endsWith("sses") || w.endsWith("uses") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
