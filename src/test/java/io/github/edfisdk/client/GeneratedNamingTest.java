package io.github.edfisdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One spelling: every generated API class is named as its accessor and the spec's tag, acronyms kept
 * ({@code StudentCTEProgramAssociationsApi} / {@code studentCTEProgramAssociations()}, as the model
 * {@code EdFiStudentCTEProgramAssociation}). The stock generator lower-cases them; the build's EdFiJavaClientCodegen
 * must not.
 */
class GeneratedNamingTest {
    private static final List<Class<?>> APIS = List.of(
            io.github.edfisdk.ds5.resources.invoker.Apis.class,
            io.github.edfisdk.ds5.descriptors.invoker.Apis.class,
            io.github.edfisdk.ds4.resources.invoker.Apis.class,
            io.github.edfisdk.ds4.descriptors.invoker.Apis.class);

    @Test
    void everyApiClassIsSpelledAsItsAccessor() {
        List<String> mismatches = new ArrayList<>();
        int accessors = 0;
        for (Class<?> apis : APIS) {
            for (Method m : apis.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 0 || m.getName().equals("apiClient")) {
                    continue;
                }
                accessors++;
                String expected = Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1) + "Api";
                if (!m.getReturnType().getSimpleName().equals(expected)) {
                    mismatches.add(apis.getPackageName() + "." + m.getName() + "() returns " + m.getReturnType().getSimpleName());
                }
            }
        }
        assertTrue(accessors > 600, "accessors found: " + accessors);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void acronymsAreKeptInClassNames() throws Exception {
        for (String name : List.of(
                "io.github.edfisdk.ds5.resources.api.StudentCTEProgramAssociationsApi",
                "io.github.edfisdk.ds4.resources.api.StudentCTEProgramAssociationsApi",
                "io.github.edfisdk.ds5.resources.api.StudentTitleIPartAProgramAssociationsApi",
                "io.github.edfisdk.ds5.descriptors.api.CourseGPAApplicabilityDescriptorsApi",
                "io.github.edfisdk.ds4.descriptors.api.TitleIPartAParticipantDescriptorsApi")) {
            Class.forName(name);
        }
        Method accessor = io.github.edfisdk.ds5.resources.invoker.Apis.class.getMethod("studentCTEProgramAssociations");
        assertEquals("postStudentCTEProgramAssociation",
                accessor.getReturnType().getMethod("postStudentCTEProgramAssociation",
                        io.github.edfisdk.ds5.resources.model.EdFiStudentCTEProgramAssociation.class).getName());
    }
}
