package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.sip2.FastPaths.WHEN;
import static org.circgate.server.sip2.FastPaths.logIn;
import static org.circgate.server.sip2.FastPaths.response;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.Operator;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.Language;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.CheckinRequest;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.PatronStatusRequest;
import org.circgate.sip2.message.PatronStatusResponse;
import org.circgate.sip2.message.Sip2Outbound;
import org.circgate.sip2.message.Sip2Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 (23 at 10,000/s; PIN hashing never on the event loop): 23 and 63 are answered from a batched lookup on the
 * thread that ran it, with no worker, only when the worker path would answer the same way; everything else goes on.
 */
class PatronLookupFastPathTest {
    /** Lookups asked for, and their callbacks, answered later by the test as a batch runner would. */
    private record Asked(Operator operator, String barcode,
            BiConsumer<Optional<PatronView>, RuntimeException> then) {
    }

    private final List<Asked> asked = new ArrayList<>();
    private final List<Object> forwarded = new ArrayList<>();
    private final List<Throwable> caught = new ArrayList<>();

    /** Answers with the verdict it was given, so a test can see what the fast path decided. */
    private static final class StatusCommand implements PatronViewCommand {
        @Override
        public Sip2Command command() {
            return Sip2Command.PATRON_STATUS_REQUEST;
        }

        @Override
        public String patronOf(DecodedMessage request) {
            return ((PatronStatusRequest) request.request()).patronIdentifier();
        }

        @Override
        public String pinOf(DecodedMessage request) {
            return ((PatronStatusRequest) request.request()).patronPassword();
        }

        @Override
        public Answer answer(DecodedMessage request, Sip2Session session, PatronIdentification.Identified patron) {
            if (patronOf(request).equals("BOOM")) {
                throw new IllegalArgumentException("cannot render");
            }
            return Answer.ok(response(patron.known() ? "known" : "unknown " + patron.pin()));
        }

        @Override
        public Answer handle(DecodedMessage request, Sip2Session session) {
            throw new AssertionError("the worker path is not part of this pipeline");
        }

        @Override
        public Sip2Response refusal(DecodedMessage request, Sip2Session session, String screenMessage) {
            return response(screenMessage);
        }
    }

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(HandlerNames.IN_FLIGHT, new OneRequestAtATime(10));
        ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry(), "test", "test");
        channel.pipeline().addLast(HandlerNames.PATRON_LOOKUP, new PatronLookupFastPath(List.of(new StatusCommand()),
                (operator, barcode, then) -> asked.add(new Asked(operator, barcode, then)), metrics));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                forwarded.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                caught.add(cause);
            }
        });
        return channel;
    }

    private static SipAccountOptions allowing(String... codes) {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = SipAccountOptions.parse(Map.of("allowedMessages", List.of(codes)), "test",
                errors);
        assertThat(errors).isEmpty();
        return options;
    }

    private static DecodedMessage status(String patron, String pin) {
        return DecodedMessage.of(PatronStatusRequest.builder().language(Language.UNKNOWN).transactionDate(WHEN)
                .institutionId("DEMO").patronIdentifier(patron).terminalPassword("").patronPassword(pin).build());
    }

    private static void answerFromRunner(EmbeddedChannel channel, Asked lookup, Optional<PatronView> view,
            RuntimeException failure) throws InterruptedException {
        FastPaths.fromRunner(channel, () -> lookup.then().accept(view, failure));
    }

    private static String written(EmbeddedChannel channel) {
        Sip2Outbound out = channel.readOutbound();
        assertThat(out).as("an answer was written").isNotNull();
        return String.join("|", ((PatronStatusResponse) out.message()).screenMessages());
    }

    @Test
    @DisplayName("a 23 without a PIN is queued for a batched lookup and answered by the thread that ran it")
    void answeredFromTheLookup() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        channel.writeInbound(status("P1", ""));
        assertThat(forwarded).as("no worker involved").isEmpty();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).barcode()).isEqualTo("P1");
        assertThat(asked.get(0).operator().location()).isEqualTo("MAIN");
        assertThat((Object) channel.readOutbound()).as("nothing written before the lookup is done").isNull();

        answerFromRunner(channel, asked.get(0), Optional.empty(), null);
        Sip2Outbound out = channel.readOutbound();
        assertThat(((PatronStatusResponse) out.message()).screenMessages())
                .as("an unknown patron, as the worker path decides").containsExactly("unknown WRONG");
        assertThat(Sip2Session.of(channel).lastResponse()).as("a 97 replays it").isSameAs(out);
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("the written answer frees the connection: the request that waited at the gate goes next")
    void answerReleasesTheGate() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        channel.writeInbound(status("P1", ""), status("P2", ""));
        assertThat(asked).as("one request in flight per connection").hasSize(1);
        answerFromRunner(channel, asked.get(0), Optional.empty(), null);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).barcode()).isEqualTo("P2");
        answerFromRunner(channel, asked.get(1), Optional.empty(), null);
        assertThat(channel.outboundMessages()).hasSize(2);
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("an answer that cannot be built, or a lookup failing for a reason other than the database, goes to "
            + "the exception handler as on the worker path (which closes the connection), never left unanswered")
    void unexpectedFailuresReachTheExceptionHandler() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        channel.writeInbound(status("BOOM", ""));
        answerFromRunner(channel, asked.get(0), Optional.empty(), null);
        assertThat(caught).singleElement().isInstanceOf(IllegalArgumentException.class);

        EmbeddedChannel other = channel();
        logIn(other, SipAccountOptions.DEFAULTS);
        other.writeInbound(status("P1", ""));
        answerFromRunner(other, asked.get(1), Optional.empty(), new IllegalStateException("bug"));
        assertThat(caught).hasSize(2);
        assertThat(caught.get(1)).hasMessage("bug");
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat((Object) other.readOutbound()).isNull();
        channel.finishAndReleaseAll();
        other.finishAndReleaseAll();
    }

    @Test
    @DisplayName("a PIN this connection has not verified needs the hash: the request goes on to the worker")
    void pinToHashGoesToTheWorker() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        DecodedMessage withPin = status("P1", "1234");
        channel.writeInbound(withPin);
        assertThat(forwarded).containsExactly(withPin);
        assertThat(asked).isEmpty();
        // The worker answers (and verifies the PIN), which frees the connection for the next request.
        Sip2Session.of(channel).pinVerified("P1", "1234");
        channel.writeAndFlush(Sip2Outbound.replyTo(withPin, response("from the worker")));
        channel.runPendingTasks();
        assertThat(written(channel)).isEqualTo("from the worker");

        channel.writeInbound(status("P1", "1234"));
        assertThat(asked).as("a PIN verified on this connection needs no hash").hasSize(1);
        answerFromRunner(channel, asked.get(0), Optional.empty(), null);
        assertThat(written(channel)).startsWith("unknown");
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("before login, or where the account may not send 23, the worker path gives its readable refusal")
    void refusalsStayOnTheWorkerPath() {
        EmbeddedChannel notLoggedIn = channel();
        DecodedMessage first = status("P1", "");
        notLoggedIn.writeInbound(first);
        EmbeddedChannel restricted = channel();
        logIn(restricted, allowing("63"));
        DecodedMessage second = status("P1", "");
        restricted.writeInbound(second);
        assertThat(forwarded).containsExactly(first, second);
        assertThat(asked).isEmpty();
        notLoggedIn.finishAndReleaseAll();
        restricted.finishAndReleaseAll();
    }

    @Test
    @DisplayName("other commands pass through untouched")
    void otherCommandsPassThrough() {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        DecodedMessage checkin = DecodedMessage.of(CheckinRequest.builder().noBlock(false).transactionDate(WHEN)
                .returnDate(WHEN).currentLocation("MAIN").institutionId("DEMO").itemIdentifier("I1")
                .terminalPassword("").build());
        channel.writeInbound(checkin);
        assertThat(forwarded).containsExactly(checkin);
        assertThat(asked).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("a failed lookup is answered with the command's refusal, not silence (issue 5: database failure)")
    void failedLookupIsRefused() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        channel.writeInbound(status("P1", ""));
        answerFromRunner(channel, asked.get(0), Optional.empty(),
                new PersistenceException("connection refused", null));
        assertThat(written(channel)).isEqualTo(Sip2RequestHandler.UNAVAILABLE);
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }
}
