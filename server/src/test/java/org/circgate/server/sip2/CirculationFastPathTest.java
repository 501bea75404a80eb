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
import org.circgate.server.circulation.CirculationPrefetch;
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
 * Issue 5 (11+09 at 500 pairs/s with p99 under 10 ms; nothing blocking on the event loop): 11 and 09 that need nothing
 * blocking first go from the I/O loop into a shared transaction and are answered by the thread that ran it; every
 * request the transaction did not take, and everything else, goes on to the worker path.
 */
class CirculationFastPathTest {
    /** Units handed to the shared transactions, and their callbacks, answered later by the test. */
    private record Queued(SharedTransactions.Unit unit,
            BiConsumer<Optional<Sip2CommandHandler.Answer>, RuntimeException> then) {
    }

    private final List<Queued> queued = new ArrayList<>();
    private final List<Object> forwarded = new ArrayList<>();
    private final List<Throwable> caught = new ArrayList<>();

    /** A 09 whose unit is null (as for a PIN to hash, or a possible resend) when the item is "ALONE". */
    private static final class Checkin implements SharedCommand {
        @Override
        public Sip2Command command() {
            return Sip2Command.CHECKIN;
        }

        @Override
        public SharedTransactions.Unit sharedUnit(DecodedMessage message, Sip2Session session) {
            String item = ((CheckinRequest) message.request()).itemIdentifier();
            return item.equals("ALONE") ? null : new SharedTransactions.Unit(session.institution().id(),
                    CirculationPrefetch.Request.checkin(item), connection -> Answer.ok(response("shared")));
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
        channel.pipeline().addLast(HandlerNames.CIRCULATION, new CirculationFastPath(List.of(new Checkin()),
                (unit, then) -> queued.add(new Queued(unit, then)), metrics));
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

    private static DecodedMessage checkin(String item) {
        return DecodedMessage.of(CheckinRequest.builder().noBlock(false).transactionDate(WHEN).returnDate(WHEN)
                .currentLocation("MAIN").institutionId("DEMO").itemIdentifier(item).terminalPassword("").build());
    }

    private static void answerFromRunner(EmbeddedChannel channel, Queued unit,
            Optional<Sip2CommandHandler.Answer> answer, RuntimeException failure) throws InterruptedException {
        FastPaths.fromRunner(channel, () -> unit.then().accept(answer, failure));
    }

    @Test
    @DisplayName("a 09 that needs nothing blocking is queued for a shared transaction and answered by its thread")
    void answeredFromTheSharedTransaction() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        channel.writeInbound(checkin("I1"));
        assertThat(forwarded).as("no worker involved").isEmpty();
        assertThat(queued).hasSize(1);
        assertThat((Object) channel.readOutbound()).as("nothing written before the transaction is done").isNull();

        answerFromRunner(channel, queued.get(0), Optional.of(Sip2CommandHandler.Answer.ok(response("shared"))), null);
        Sip2Outbound out = channel.readOutbound();
        assertThat(((PatronStatusResponse) out.message()).screenMessages()).containsExactly("shared");
        assertThat(Sip2Session.of(channel).lastResponse()).as("a 97 replays it").isSameAs(out);
        assertThat(forwarded).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("a request the shared transaction did not take (rows held elsewhere, or it failed) goes on to the "
            + "worker path, which runs it alone; the connection's next request waits until that answer")
    void notTakenGoesOnToTheWorker() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        DecodedMessage first = checkin("I1");
        channel.writeInbound(first, checkin("I2"));
        assertThat(queued).as("one request in flight per connection").hasSize(1);
        answerFromRunner(channel, queued.get(0), Optional.empty(), null);
        assertThat(forwarded).containsExactly(first);
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(queued).as("I2 waits at the gate for the worker's answer").hasSize(1);

        channel.writeAndFlush(Sip2Outbound.replyTo(first, response("alone")));
        channel.runPendingTasks();
        assertThat(queued).hasSize(2);
        answerFromRunner(channel, queued.get(1), Optional.empty(), new IllegalStateException("runners stopped"));
        assertThat(forwarded).hasSize(2);
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("an answer that cannot be written goes to the exception handler (which closes the connection), "
            + "never left unanswered")
    void unwritableAnswerReachesTheExceptionHandler() throws Exception {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        channel.writeInbound(checkin("I1"));
        answerFromRunner(channel, queued.get(0),
                Optional.of(new Sip2CommandHandler.Answer(null, ServerMetrics.Outcome.OK, null)), null);
        assertThat(caught).singleElement().isInstanceOf(NullPointerException.class);
        assertThat(forwarded).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("a request that must run alone (a PIN to hash, a possible resend) goes straight to the worker")
    void aloneGoesToTheWorker() {
        EmbeddedChannel channel = channel();
        logIn(channel, SipAccountOptions.DEFAULTS);
        DecodedMessage alone = checkin("ALONE");
        channel.writeInbound(alone);
        assertThat(forwarded).containsExactly(alone);
        assertThat(queued).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("before login, where the account may not send 09, and for other commands, the worker path answers")
    void everythingElseStaysOnTheWorkerPath() {
        EmbeddedChannel notLoggedIn = channel();
        DecodedMessage first = checkin("I1");
        notLoggedIn.writeInbound(first);
        EmbeddedChannel restricted = channel();
        List<String> errors = new ArrayList<>();
        logIn(restricted, SipAccountOptions.parse(Map.of("allowedMessages", List.of("11")), "test", errors));
        assertThat(errors).isEmpty();
        DecodedMessage second = checkin("I1");
        restricted.writeInbound(second);
        EmbeddedChannel other = channel();
        logIn(other, SipAccountOptions.DEFAULTS);
        DecodedMessage status = DecodedMessage.of(PatronStatusRequest.builder().language(Language.UNKNOWN)
                .transactionDate(WHEN).institutionId("DEMO").patronIdentifier("P1").terminalPassword("")
                .patronPassword("").build());
        other.writeInbound(status);
        assertThat(forwarded).containsExactly(first, second, status);
        assertThat(queued).isEmpty();
        notLoggedIn.finishAndReleaseAll();
        restricted.finishAndReleaseAll();
        other.finishAndReleaseAll();
    }
}
