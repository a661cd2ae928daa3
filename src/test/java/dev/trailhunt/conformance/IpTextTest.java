package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpTextTest {
    @Test
    void printsLikeElasticsearch() {
        assertEquals("127.0.0.1", IpText.canonical("127.0.0.1"));
        assertEquals("::1", IpText.canonical("0:0:0:0:0:0:0:1"));
        assertEquals("::", IpText.canonical("::"));
        assertEquals("10.1.2.3", IpText.canonical("::ffff:10.1.2.3"));
        assertEquals("fe80::cae2:65ff:fece:feb9", IpText.canonical("FE80:0000:0000:0000:CAE2:65FF:FECE:FEB9"));
        assertEquals("1:0:0:1::1", IpText.canonical("1:0:0:1:0:0:0:1"), "the longest zero run wins");
        assertEquals("1::1:1:0:0:1", IpText.canonical("1:0:0:1:1:0:0:1"), "the first run wins a tie");
        assertEquals("1:0:1:1:1:1:1:1", IpText.canonical("1:0:1:1:1:1:1:1"), "a single zero group is not compressed");
        assertEquals("::102:304", IpText.canonical("::1.2.3.4"), "only IPv4-mapped addresses print dotted");
    }

    @Test
    void rejectsNonLiterals() {
        assertThrows(IllegalArgumentException.class, () -> IpText.canonical("localhost"));
        assertThrows(IllegalArgumentException.class, () -> IpText.canonical("1.2.3"));
        assertThrows(IllegalArgumentException.class, () -> IpText.canonical("256.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> IpText.canonical("1::2::3"));
        assertThrows(IllegalArgumentException.class, () -> IpText.canonical("1:2:3:4:5:6:7:8:9"));
    }

    @Test
    void ordersByTheSixteenByteForm() {
        assertTrue(IpText.compare("::1", "127.0.0.1") < 0);
        assertTrue(IpText.compare("127.0.0.1", "127.0.0.2") < 0);
        assertTrue(IpText.compare("128.0.0.1", "fe80::1") < 0);
        assertTrue(IpText.compare("9.0.0.0", "10.0.0.0") < 0, "numerically, not as text");
    }
}
