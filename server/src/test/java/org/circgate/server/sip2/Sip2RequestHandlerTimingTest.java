package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.RequestAcsResend;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Operations (docs/metrics.md, circgate_request_duration_seconds): a request's duration is the time its kiosk waited,
 * including the wait for a free worker. Measured from the worker's start, a checkout held up 7 s behind a purge on
 * its worker showed as a few milliseconds, while the kiosk timed out.
 */
class Sip2RequestHandlerTimingTest {
    private static final long HELD_UP_MILLIS = 150;

    @Test
    @DisplayName("the duration counts from the hand-off, so time spent waiting for the worker is in it")
    void durationIncludesTheWaitForTheWorker() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(HandlerNames.IN_FLIGHT, new OneRequestAtATime(10));
        channel.pipeline().addLast("busy-worker", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                Thread.sleep(HELD_UP_MILLIS); // the worker is still busy with another connection's request
                ctx.fireChannelRead(msg);
            }
        });
        channel.pipeline().addLast(HandlerNames.HANDLER,
                new Sip2RequestHandler(List.of(), new ServerMetrics(registry, "test", "test"), 4096, Runnable::run,
                        Runnable::run));

        channel.writeInbound(DecodedMessage.of(RequestAcsResend.INSTANCE));

        assertThat((Object) channel.readOutbound()).as("the 97 is answered").isNotNull();
        Timer timer = registry.get("circgate.request.duration").tag("command", "request_resend").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(HELD_UP_MILLIS);
        channel.finishAndReleaseAll();
    }
}
