package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.model.ValueType;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SpecTypeTest {
    @Test
    void storageTypesLosePrecisionAsElasticsearchStoresThem() {
        // Values from the notes (§8.4) and from keep.csv-spec/string.csv-spec expected rows.
        assertEquals(2.049999952316284d, SpecType.FLOAT.convert("2.05"));
        assertEquals(2.0299999713897705d, SpecType.FLOAT.convert("2.03"));
        assertEquals(1.7000000476837158d, SpecType.FLOAT.convert("1.7"));
        assertEquals(2.05078125d, SpecType.HALF_FLOAT.convert("2.05"));
        assertEquals(2.029296875d, SpecType.HALF_FLOAT.convert("2.03"));
        assertEquals(1.7001953125d, SpecType.HALF_FLOAT.convert("1.7"));
        assertEquals(1.990234375d, SpecType.HALF_FLOAT.convert("1.99"));
        assertEquals(2.03d, SpecType.SCALED_FLOAT.convert("2.03"));
        assertEquals(1.99d, SpecType.SCALED_FLOAT.convert("1.99"));
        assertEquals(2.05d, SpecType.SCALED_FLOAT.convert("2.059"), "scaled_float truncates to two decimals");
    }

    @Test
    void halfFloatRoundsTiesToEvenAndOverflowsToInfinity() {
        assertEquals(65504d, HalfFloat.round(65519f));
        assertEquals(Double.POSITIVE_INFINITY, HalfFloat.round(65520f));
        assertEquals(Math.scalb(1d, -24), HalfFloat.round((float) Math.scalb(1d, -24)));
        assertEquals(0d, HalfFloat.round((float) Math.scalb(1d, -25)), "a tie between 0 and 2^-24 goes to even 0");
        assertEquals(-2.05078125d, HalfFloat.round(-2.05f));
    }

    @Test
    void aliasesAndAcceptance() {
        assertEquals(SpecType.INTEGER, SpecType.named("short").orElseThrow());
        assertEquals(SpecType.INTEGER, SpecType.named("byte").orElseThrow());
        assertEquals(SpecType.VERSION, SpecType.named("v").orElseThrow());
        assertEquals(SpecType.DATETIME, SpecType.named("DATE").orElseThrow());
        assertFalse(SpecType.named("int").isPresent());
        assertTrue(SpecType.LONG.accepts(ValueType.INTEGER));
        assertFalse(SpecType.INTEGER.accepts(ValueType.LONG));
        assertFalse(SpecType.KEYWORD.accepts(ValueType.TEXT));
        assertFalse(SpecType.GEO_POINT.resultType().isPresent());
    }

    @Test
    void numbersParseLikeJava() {
        assertEquals(5L, SpecType.INTEGER.convert("5"));
        assertThrows(NumberFormatException.class, () -> SpecType.INTEGER.convert("5.0"));
        assertThrows(NumberFormatException.class, () -> SpecType.INTEGER.convert("3000000000"));
        assertEquals(new BigInteger("18446744073709551615"), SpecType.UNSIGNED_LONG.convert("18446744073709551615"));
        assertThrows(IllegalArgumentException.class, () -> SpecType.UNSIGNED_LONG.convert("-1"));
    }
}
