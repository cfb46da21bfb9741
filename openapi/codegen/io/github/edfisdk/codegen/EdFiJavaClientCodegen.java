package io.github.edfisdk.codegen;

import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.utils.StringUtils;

/**
 * openapi-generator's {@code java} generator with one change: API class names keep the spelling of the spec's tags.
 *
 * <p>The stock Java generator turns a tag into a class name with {@code camelize(underscore(tag))}, and
 * {@code underscore} lower-cases acronyms: the tag {@code studentCTEProgramAssociations} became
 * {@code StudentCteProgramAssociationsApi} beside the model {@code EdFiStudentCTEProgramAssociation} and the operation
 * {@code postStudentCTEProgramAssociation}. No option or name mapping reaches that step (7.17), so this subclass
 * camelizes the tag as written: {@code StudentCTEProgramAssociationsApi}, {@code TitleIPartAParticipantDescriptorsApi},
 * {@code CourseGPAApplicabilityDescriptorsApi}. Everything else is the stock generator, library {@code okhttp-gson}.
 *
 * <p>Compiled and packed by the build (pom.xml, antrun step {@code edfi-codegen} in {@code initialize}) and handed to
 * openapi-generator-maven-plugin as a plugin dependency; it never reaches the SDK's jar.
 */
public class EdFiJavaClientCodegen extends JavaClientCodegen {

    @Override
    public String sanitizeTag(String tag) {
        String name = StringUtils.camelize(sanitizeName(tag));
        // as the stock generator does: a class name cannot start with a digit
        return name.matches("^\\d.*") ? "Class" + name : name;
    }
}
