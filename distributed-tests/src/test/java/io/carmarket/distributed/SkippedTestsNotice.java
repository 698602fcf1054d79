package io.carmarket.distributed;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the console why a test class was skipped (Maven's summary only counts skipped tests): on a machine without
 * Docker, every class here is skipped by {@code @Testcontainers(disabledWithoutDocker = true)}.
 */
public class SkippedTestsNotice implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isContainer()) {
            System.out.println("[distributed-it] " + test.getDisplayName() + " skipped: " + reason
                    + ". These tests need a Docker engine (distributed-tests/README.md).");
        }
    }
}
