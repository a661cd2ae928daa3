package dev.trailhunt.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Checks literal-IP recognition (Elasticsearch's InetAddresses rules) and ES|QL's rendering of ip values. */
class IpLiteralTest {

    @Test
    void acceptsLiteralAddressesOnly() {
        assertEquals("10.0.0.1", IpLiteral.canonical("10.0.0.1"));
        assertEquals("0.0.0.0", IpLiteral.canonical("0.0.0.0"));
        assertEquals("::", IpLiteral.canonical("::"));
        assertEquals("::1", IpLiteral.canonical("0:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", IpLiteral.canonical("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", IpLiteral.canonical("2001:db8:0:1:1:1:1:1"));
        // An IPv4-mapped IPv6 address is an IPv4 address to Elasticsearch (InetAddress yields Inet4Address).
        assertEquals("0.1.0.2", IpLiteral.canonical("::ffff:0.1.0.2"));
        assertEquals("64:ff9b::102:304", IpLiteral.canonical("64:ff9b::1.2.3.4"));
        for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "1.2.3.04", "256.1.1.1", "1.2.3.4 ", "a.b.c.d", "1::2::3",
                ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::1", "1.2.3.4::", "fe80::1%1", "localhost",
                "ec2.amazonaws.com", "AWS Internal")) {
            assertNull(IpLiteral.canonical(bad), bad);
        }
    }

    @Test
    void ordersAsIpDocValues() {
        List<String> ips = new ArrayList<>(List.of("::1", "10.0.0.1", "9.9.9.9", "2001:db8::1"));
        ips.sort(IpLiteral.DOC_VALUE_ORDER);
        // IPv4 sorts as ::ffff:a.b.c.d, i.e. after ::1 and before 2001:…
        assertEquals(List.of("::1", "9.9.9.9", "10.0.0.1", "2001:db8::1"), ips);
    }

    @Test
    void givesTheSixteenByteFormOrNull() {
        byte[] v4 = IpLiteral.docValueBytes("10.0.0.1");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1), unsigned(v4));
        assertEquals(unsigned(v4), unsigned(IpLiteral.docValueBytes("::ffff:10.0.0.1")));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), unsigned(IpLiteral.docValueBytes("::1")));
        assertNull(IpLiteral.docValueBytes("example.com"));
        assertNull(IpLiteral.docValueBytes("010.0.0.1"));
    }

    private static List<Integer> unsigned(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x & 0xff);
        }
        return out;
    }
}
