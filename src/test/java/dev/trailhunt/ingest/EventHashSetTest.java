package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventHashSetTest {
    @Test
    void agreesWithAJavaSetAcrossGrowthAndCollidingSlots() {
        EventHashSet set = new EventHashSet();
        Set<String> reference = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // Few distinct low words force long probe chains; repeats test the "already there" answer.
            long high = random.nextInt(50_000);
            long low = random.nextInt(64);
            assertEquals(reference.add(high + ":" + low), set.add(high, low), "key " + high + ":" + low);
        }
        assertEquals(reference.size(), set.size());
    }

    @Test
    void theAllZeroKeyIsAKeyLikeAnyOther() {
        EventHashSet set = new EventHashSet();
        assertTrue(set.add(0, 0));
        assertFalse(set.add(0, 0));
        assertTrue(set.add(0, 1));
        assertEquals(2, set.size());
    }
}
