package io.carmarket.standalone;

import org.h2.mvstore.MVStoreException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains the usual reason the standalone will not start: another process holds its data directory. */
public class DataDirInUseFailureAnalyzer extends AbstractFailureAnalyzer<MVStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MVStoreException cause) {
        if (cause.getMessage() == null || !cause.getMessage().contains("locked")) {
            return null;
        }
        return new FailureAnalysis(
                "The data directory is in use: " + cause.getMessage(),
                "Stop the other CarMarket standalone process that uses this data directory, or start this one with "
                        + "another directory (CARMARKET_DATA_DIR=...) and port (PORT=...).",
                cause);
    }
}
