package dev.observability.autoconfigure.validation;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Analyzes a start-up failure as Boot does: with every analyzer registered in {@code spring.factories} (Boot's and
 * the starter's), in Boot's order, the first that answers wins.
 */
public final class BootFailureAnalysis {

    private BootFailureAnalysis() {
    }

    /**
     * @param failure a start-up failure
     * @return the analysis Boot would print
     */
    public static FailureAnalysis of(Throwable failure) {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver
                .of(BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment()), (type, name, ex) -> {
                    // Boot's analyzers that need more of a running application are left out; the order stays.
                });
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("no analysis for " + failure);
    }
}
