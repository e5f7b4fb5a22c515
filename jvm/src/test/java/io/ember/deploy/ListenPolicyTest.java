package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import org.junit.jupiter.api.Test;

class ListenPolicyTest {
    @Test
    void aNonLoopbackAddressWithoutASecretIsRefusedNamingBothWaysOut() {
        EmberException e = assertThrows(EmberException.class, () ->
                ListenPolicy.check("ember-master", "0.0.0.0", null, false, ListenPolicy.Remedies.DAEMON));
        assertEquals("ember-master refuses to listen on 0.0.0.0 without a secret: it is not a loopback address, so "
                + "anyone who reaches the port could connect unauthenticated and run code. Set a secret with "
                + "--secret-file FILE or the EMBER_AUTH_SECRET environment variable, or pass --insecure to accept "
                + "unauthenticated connections.", e.getMessage());
    }

    @Test
    void aSecretALoopbackAddressOrAnExplicitOptOutAreAccepted() {
        assertDoesNotThrow(() -> ListenPolicy.check("w", "0.0.0.0", "s", false, ListenPolicy.Remedies.DAEMON));
        assertDoesNotThrow(() -> ListenPolicy.check("w", "127.0.0.1", null, false, ListenPolicy.Remedies.DAEMON));
        assertDoesNotThrow(() -> ListenPolicy.check("w", "0.0.0.0", null, true, ListenPolicy.Remedies.DAEMON));
        assertTrue(ListenPolicy.exposedWithoutSecret("0.0.0.0", null));
        assertFalse(ListenPolicy.exposedWithoutSecret("0.0.0.0", "s"));
        assertFalse(ListenPolicy.exposedWithoutSecret("127.0.0.1", null));
    }

    @Test
    void aDriverOptsOutOnlyByFalseSetExplicitly() {
        assertFalse(ClusterSetup.optedOutOfAuthentication(new EmberConf()));
        assertFalse(ClusterSetup.optedOutOfAuthentication(new EmberConf().set("ember.authenticate", "true")));
        assertTrue(ClusterSetup.optedOutOfAuthentication(new EmberConf().set("ember.authenticate", "false")));
        EmberException e = assertThrows(EmberException.class, () ->
                ListenPolicy.check("The driver", "192.0.2.77", null, false, ListenPolicy.Remedies.DRIVER));
        assertTrue(e.getMessage().contains("ember.authenticate.secret or the EMBER_AUTH_SECRET environment variable, "
                + "or set ember.authenticate=false explicitly"), e.getMessage());
    }
}
