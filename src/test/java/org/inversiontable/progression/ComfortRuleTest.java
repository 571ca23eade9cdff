package org.inversiontable.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §13: how a session that inverted is classified when it ends. */
class ComfortRuleTest {
    @ParameterizedTest(name = "fault/power {0}, estop {1}, return {2}, home at {3} of 120 s: {4}")
    @CsvSource({
            "true,false,true,NaN,NOT_COUNTED",
            "true,true,false,100,NOT_COUNTED",
            "false,true,true,NaN,NOT_COMFORTABLE",
            "false,true,false,100,NOT_COMFORTABLE",
            "false,false,true,NaN,COMFORTABLE",
            "false,false,true,10,COMFORTABLE",
            "false,false,false,60,COMFORTABLE",
            "false,false,false,59.99,NOT_COMFORTABLE",
            "false,false,false,0,NOT_COMFORTABLE",
            "false,false,false,NaN,NOT_COUNTED"})
    void classifies(boolean faultOrPower, boolean estop, boolean autoReturn, double homewardS, SessionComfort expected) {
        assertEquals(expected, ComfortRule.classify(faultOrPower, estop, autoReturn, homewardS, 120.0));
    }
}
