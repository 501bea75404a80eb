package org.circgate.server.ncip.agency;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circgate.server.db.Transactions;

/**
 * Finds the agency behind an API key. Known keys are cached for {@code ttl} (so an import takes effect within that
 * time without a database round trip per request); unknown keys always cost one indexed lookup and are never cached,
 * so the cache cannot be filled by guessing.
 */
public final class NcipAgencies {
    /** Cache entries at most; beyond it the cache starts over (real deployments have a handful of partners). */
    static final int MAX_CACHED = 1_000;

    /** The verdict on a request's credentials. */
    public sealed interface Verdict {
        /** The key names an enabled agency and the caller's address is allowed. */
        record Accepted(NcipAgency agency) implements Verdict {
        }

        /** No key in path, query or header: HTTP 401. */
        record MissingKey() implements Verdict {
        }

        /** A key that names no enabled agency: HTTP 401. */
        record UnknownKey() implements Verdict {
        }

        /** A valid key from an address outside the agency's networks: HTTP 403. */
        record AddressDenied(NcipAgency agency) implements Verdict {
        }
    }

    private final Transactions transactions;
    private final NcipAgencyRepository repository;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public NcipAgencies(Transactions transactions, NcipAgencyRepository repository, Clock clock, Duration ttl) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        this.ttl = ttl;
    }

    /** Checks a key (null when the request carried none) from {@code remote}. Runs a query: call it off the loop. */
    public Verdict authenticate(String apiKey, InetSocketAddress remote) {
        if (apiKey == null || apiKey.isEmpty()) {
            return new Verdict.MissingKey();
        }
        if (!ApiKeys.isWellFormed(apiKey)) {
            return new Verdict.UnknownKey();
        }
        Optional<NcipAgency> agency = find(ApiKeys.hash(apiKey));
        if (agency.isEmpty() || !agency.get().enabled()) {
            return new Verdict.UnknownKey();
        }
        if (!agency.get().allowsAddress(remote)) {
            return new Verdict.AddressDenied(agency.get());
        }
        return new Verdict.Accepted(agency.get());
    }

    private Optional<NcipAgency> find(String hash) {
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.loadedAt.plus(ttl).isAfter(now)) {
            return Optional.of(cached.agency);
        }
        Optional<NcipAgency> loaded = transactions.inTransaction(c -> repository.findByKeyHash(c, hash));
        if (loaded.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(hash, new Cached(loaded.get(), now));
        } else {
            cache.remove(hash);
        }
        return loaded;
    }

    private record Cached(NcipAgency agency, Instant loadedAt) {
    }
}
