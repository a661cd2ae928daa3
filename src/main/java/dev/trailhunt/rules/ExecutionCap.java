package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Caps the alerts of each execution at the rule's {@code max_signals}: every alert is within reach of a span of executions
 * (those whose window holds its events); each execution, in time order, raises the first {@code max_signals} alerts in reach
 * that no earlier execution raised, in the order the rule type's search returns them; an alert no execution raised is dropped.
 */
final class ExecutionCap {
    private ExecutionCap() {}

    /**
     * Holds one alert an execution may raise.
     *
     * @param first the first execution whose window holds its events (microseconds)
     * @param last the last such execution
     * @param order its place in an execution's results
     */
    record Item(long first, long last, String order) {}

    /**
     * Holds which alerts were raised.
     *
     * @param kept the raised items' indexes, ascending
     * @param raisedAt per item, the execution that raised it (microseconds), or {@link Long#MIN_VALUE}
     * @param dropped how many no execution raised
     */
    record Result(List<Integer> kept, long[] raisedAt, int dropped) {}

    /** Returns the items the executions raise, {@code interval} apart on the grid the items' reach lies on. */
    static Result apply(List<Item> items, long interval, int max) {
        List<Integer> byFirst = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).first() <= items.get(i).last()) {
                byFirst.add(i);
            }
        }
        byFirst.sort(Comparator.comparingLong(i -> items.get(i).first()));
        Comparator<Integer> order = Comparator.comparing((Integer i) -> items.get(i).order()).thenComparingInt(i -> i);
        TreeSet<Integer> reach = new TreeSet<>(order);
        PriorityQueue<Integer> expiry = new PriorityQueue<>(Comparator.comparingLong(i -> items.get(i).last()));
        BitSet kept = new BitSet(items.size());
        long[] raisedAt = new long[items.size()];
        java.util.Arrays.fill(raisedAt, Long.MIN_VALUE);
        int next = 0;
        long t = byFirst.isEmpty() ? 0 : items.get(byFirst.get(0)).first();
        while (next < byFirst.size() || !reach.isEmpty()) {
            if (reach.isEmpty() && items.get(byFirst.get(next)).first() > t) {
                t = items.get(byFirst.get(next)).first();
            }
            while (next < byFirst.size() && items.get(byFirst.get(next)).first() <= t) {
                reach.add(byFirst.get(next));
                expiry.add(byFirst.get(next));
                next++;
            }
            while (!expiry.isEmpty() && items.get(expiry.peek()).last() < t) {
                reach.remove(expiry.poll());
            }
            for (int taken = 0; taken < max && !reach.isEmpty(); taken++) {
                int i = reach.pollFirst();
                kept.set(i);
                raisedAt[i] = t;
            }
            t += interval;
        }
        List<Integer> out = new ArrayList<>();
        kept.stream().forEach(out::add);
        return new Result(out, raisedAt, items.size() - out.size());
    }
}
