package io.serenade.bench.recs;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap occupancy over a stretch of work, from two sources: the heap's used bytes sampled every few
 * milliseconds, and the occupancy just before every garbage collection (from the collectors' notifications),
 * which is the top of each saw-tooth that sampling may miss. Also keeps the most the heap held right after a
 * collection: a lower bound of the live data at its largest. Used bytes include garbage not yet collected, so
 * the peak depends on -Xmx; the smallest -Xmx that completes is the figure to size a JVM with.
 */
public final class HeapWatch implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch(long intervalMillis) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sample();
        sampler.start();
    }

    public static HeapWatch start(long intervalMillis) {
        return new HeapWatch(intervalMillis);
    }

    private void sample() {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        peak.accumulateAndGet(used(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(used(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        collections.incrementAndGet();
    }

    /** Heap pools only: the notification also lists Metaspace and the code cache. */
    private static long used(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pools.get(pool.getName());
            if (u != null && pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += u.getUsed();
            }
        }
        return sum;
    }

    /** The most heap in use seen so far, in bytes. */
    public long peakBytes() {
        sample();
        return peak.get();
    }

    /** The most heap still in use right after a collection, in bytes; 0 when no collection ran. */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    public long collections() {
        return collections.get();
    }

    /** Takes a last sample (so whatever the caller still holds counts) and stops watching. */
    @Override
    public void close() {
        sample();
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to stop
            }
        }
    }
}
