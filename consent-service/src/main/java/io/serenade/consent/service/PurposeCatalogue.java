package io.serenade.consent.service;

import io.quarkus.runtime.Startup;
import io.serenade.consent.api.PurposeCatalogueView;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.mapping.Iso;
import io.serenade.events.DataCategories;
import io.serenade.events.Purposes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The purposes a user can consent to, with what each may use and for how long, read from configuration and
 * checked at startup: a purpose without its description, categories or retention would be a switch nobody
 * can make an informed choice about, so the service refuses to start rather than show it.
 */
@ApplicationScoped
@Startup
public class PurposeCatalogue {

    private final ConsentConfig config;
    private final PurposeCatalogueView view;

    public PurposeCatalogue(ConsentConfig config) {
        List<String> problems = problems(config.purposes(), config.categories());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the purpose catalogue (serenade.consent.purposes / categories) is incomplete: "
                    + String.join("; ", problems));
        }
        this.config = config;
        this.view = buildView();
    }

    /** What is wrong with a catalogue; empty when every purpose and category is fully described. */
    public static List<String> problems(Map<String, ConsentConfig.Purpose> purposes, Map<String, ConsentConfig.Category> categories) {
        List<String> problems = new ArrayList<>();
        for (String name : Purposes.ALL) {
            ConsentConfig.Purpose p = purposes.get(name);
            if (p == null) {
                problems.add("purpose " + name + " has no entry");
                continue;
            }
            if (p.description() == null || p.description().isBlank()) {
                problems.add("purpose " + name + " has no description");
            }
            if (p.categories() == null || p.categories().isEmpty()) {
                problems.add("purpose " + name + " names no data category");
            } else {
                p.categories().stream().filter(c -> !DataCategories.ALL.contains(c))
                        .forEach(c -> problems.add("purpose " + name + " names unknown data category " + c));
            }
            if (p.retention() == null || p.retention().isNegative() || p.retention().isZero()) {
                problems.add("purpose " + name + " has no positive retention");
            }
        }
        purposes.keySet().stream().filter(name -> !Purposes.ALL.contains(name))
                .forEach(name -> problems.add("purpose " + name + " is not one of " + Purposes.ALL));
        for (String name : DataCategories.ALL) {
            ConsentConfig.Category c = categories.get(name);
            if (c == null || c.description() == null || c.description().isBlank()) {
                problems.add("data category " + name + " has no description");
            }
        }
        categories.keySet().stream().filter(name -> !DataCategories.ALL.contains(name))
                .forEach(name -> problems.add("data category " + name + " is not one of " + DataCategories.ALL));
        return problems;
    }

    public PurposeCatalogueView view() {
        return view;
    }

    public String describe(String category) {
        return config.categories().get(category).description();
    }

    /** The purposes that may use a category, in {@link Purposes#ALL} order. */
    public List<String> purposesUsing(String category) {
        return Purposes.ALL.stream().filter(p -> config.purposes().get(p).categories().contains(category)).toList();
    }

    /**
     * How long a category is kept at most: the longest retention among the purposes that may use it. The data-use
     * log has its own; consents have none (the ledger is the evidence of consent, kept until the user erases it).
     */
    public Duration retentionOf(String category) {
        if (DataCategories.DATA_USE_LOG.equals(category)) {
            return config.dataUse().retention();
        }
        return purposesUsing(category).stream().map(p -> config.purposes().get(p).retention())
                .max(Duration::compareTo).orElse(null);
    }

    private PurposeCatalogueView buildView() {
        List<PurposeCatalogueView.PurposeEntry> purposes = Purposes.ALL.stream().map(name -> {
            ConsentConfig.Purpose p = config.purposes().get(name);
            return new PurposeCatalogueView.PurposeEntry(name, p.description(), List.copyOf(p.categories()),
                    Iso.duration(p.retention()));
        }).toList();
        List<PurposeCatalogueView.CategoryEntry> categories = DataCategories.ALL.stream()
                .map(c -> new PurposeCatalogueView.CategoryEntry(c, describe(c), purposesUsing(c), Iso.duration(retentionOf(c))))
                .toList();
        return new PurposeCatalogueView(config.policyVersion(), purposes, categories);
    }
}
