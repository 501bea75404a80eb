package org.circgate.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Z39.83-1-2012 Appendix A: Problem Type values and their schemes")
class NcipProblemTypeTest {

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "UNKNOWN_USER|Unknown User", "UNKNOWN_ITEM|Unknown Item", "USER_AUTHENTICATION_FAILED|User Authentication Failed",
        "USER_BLOCKED|User Blocked", "MAXIMUM_CHECK_OUTS_EXCEEDED|Maximum Check Outs Exceeded",
        "ITEM_DOES_NOT_CIRCULATE|Item Does Not Circulate", "ITEM_NOT_CHECKED_OUT|Item Not Checked Out",
        "ITEM_NOT_RENEWABLE|Item Not Renewable", "DUPLICATE_REQUEST|Duplicate Request",
        "NEEDED_DATA_MISSING|Needed Data Missing", "UNSUPPORTED_SERVICE|Unsupported Service",
        "INVALID_MESSAGE_SYNTAX_ERROR|Invalid Message Syntax Error",
        "USER_INELIGIBLE_TO_CHECK_OUT_THIS_ITEM|User Ineligible To Check Out This Item",
        "RENEWAL_NOT_ALLOWED_ITEM_HAS_OUTSTANDING_REQUESTS|Renewal Not Allowed - Item Has Outstanding Requests",
        "NON_UNIQUE_USER|Non-Unique User"})
    @DisplayName("wire values are spelled exactly as the standard (initiators match them as strings)")
    void wireValues(NcipProblemType type, String value) {
        assertThat(type.value()).isEqualTo(value);
        assertThat(NcipProblemType.forValue(value)).contains(type);
    }

    @Test
    @DisplayName("schemes: messaging and general are fixed, service types take the answering service's scheme")
    void schemes() {
        assertThat(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR.scheme(null))
                .isEqualTo("http://www.niso.org/ncip/v1_0/schemes/messagingerrortype/messagingerrortype.scm");
        assertThat(NcipProblemType.UNSUPPORTED_SERVICE.scheme(NcipService.LOOKUP_USER))
                .isEqualTo("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/generalprocessingerror.scm");
        assertThat(NcipProblemType.UNKNOWN_USER.scheme(NcipService.CHECK_OUT_ITEM))
                .isEqualTo("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/checkoutitemprocessingerror.scm");
        assertThat(NcipProblemType.ITEM_NOT_CHECKED_OUT.scheme(NcipService.CHECK_IN_ITEM))
                .isEqualTo("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/checkinitemprocessingerror.scm");
        assertThat(NcipProblemType.UNKNOWN_USER.scheme(NcipService.LOOKUP_USER))
                .isEqualTo("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/lookupuserprocessingerror.scm");
        assertThatIllegalArgumentException().isThrownBy(() -> NcipProblemType.USER_BLOCKED.scheme(null));
    }

    @ParameterizedTest
    @EnumSource(NcipService.class)
    @DisplayName("each service names its initiation and response elements and finds itself by element name")
    void serviceNames(NcipService service) {
        assertThat(service.responseElementName()).isEqualTo(service.elementName() + "Response");
        assertThat(NcipService.forElementName(service.elementName())).contains(service);
        assertThat(NcipService.forElementName(service.responseElementName())).isEmpty();
    }

    @Test
    @DisplayName("unknown and non-standard values are not Problem Types (Koha's 'Unkown User' typo)")
    void nonStandard() {
        assertThat(NcipProblemType.forValue("Unkown User")).isEmpty();
        assertThat(NcipProblemType.forValue("unknown user")).isEmpty();
    }

    @Test
    @DisplayName("User Authentication Failed never carries the secret as ProblemValue")
    void authenticationFailureHasNoValue() {
        NcipProblem problem = NcipProblems.userAuthenticationFailed(NcipProblems.AUTHENTICATION_ELEMENT, "bad PIN");

        assertThat(problem.value()).isNull();
        assertThat(problem.type()).isEqualTo(NcipProblemType.USER_AUTHENTICATION_FAILED);
    }
}
