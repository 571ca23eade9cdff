package org.inversiontable.progression;

/**
 * Classifies a session that inverted when it ends (SPEC §13), from what the journal recorded.
 * A fault, or a power cut that interrupted the session, says nothing about the user (not counted); an e-stop says they wanted
 * off (not comfortable); the automatic return means they stayed the level's whole time
 * (comfortable); otherwise the inverted time at which they started the way home decides, against
 * half the time the level allowed.
 */
public final class ComfortRule {
    private ComfortRule() {
    }

    /**
     * @param faultOrPowerLoss        a fault latched in the session, or a power cut interrupted it
     * @param estopPressed            the e-stop was pressed in the session
     * @param autoReturnEnded         the automatic return ran in the session
     * @param homewardStartInvertedS  the inverted time when the user last started the way home
     *                                (HOME, UP, or STOP then UP/HOME); NaN when they did not
     * @param limitInvertedS          the inverted-time limit of the session (the level's)
     */
    public static SessionComfort classify(boolean faultOrPowerLoss, boolean estopPressed,
            boolean autoReturnEnded, double homewardStartInvertedS, double limitInvertedS) {
        if (faultOrPowerLoss) {
            return SessionComfort.NOT_COUNTED;
        }
        if (estopPressed) {
            return SessionComfort.NOT_COMFORTABLE;
        }
        if (autoReturnEnded) {
            return SessionComfort.COMFORTABLE;
        }
        if (Double.isNaN(homewardStartInvertedS)) {
            // Home without a way home of the user's or the return's: limp home after a fault is
            // caught above; nothing else brings a table home, so this is not a session to judge.
            return SessionComfort.NOT_COUNTED;
        }
        return homewardStartInvertedS >= limitInvertedS / 2.0 ? SessionComfort.COMFORTABLE
                : SessionComfort.NOT_COMFORTABLE;
    }
}
