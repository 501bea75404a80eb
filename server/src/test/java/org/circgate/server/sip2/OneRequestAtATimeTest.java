package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.RequestScResend;
import org.circgate.sip2.message.ScStatusRequest;
import org.circgate.sip2.message.Sip2Outbound;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 6, one request in flight per connection (operations reference 3.9: reading paused until the answer is out). */
class OneRequestAtATimeTest {
    private final List<Object> dispatched = new ArrayList<>();

    private EmbeddedChannel channel(int maxWaiting) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(HandlerNames.IN_FLIGHT, new OneRequestAtATime(maxWaiting));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                dispatched.add(msg);
            }
        });
        return channel;
    }

    private static DecodedMessage request() {
        return DecodedMessage.of(ScStatusRequest.builder().protocolVersion("2.00").build());
    }

    private static void answer(EmbeddedChannel channel) {
        channel.writeAndFlush(Sip2Outbound.of(RequestScResend.INSTANCE, ErrorDetection.none()));
        channel.runPendingTasks();
    }

    @Test
    @DisplayName("the first request goes on and reading stops; the next goes on only after the answer is written")
    void oneAtATime() {
        EmbeddedChannel channel = channel(10);
        DecodedMessage first = request();
        DecodedMessage second = request();
        DecodedMessage third = request();
        channel.writeInbound(first, second, third);
        assertThat(dispatched).containsExactly(first);
        assertThat(channel.config().isAutoRead()).as("reading paused while a request is in flight").isFalse();

        answer(channel);
        assertThat(dispatched).containsExactly(first, second);
        assertThat(channel.config().isAutoRead()).isFalse();
        answer(channel);
        answer(channel);
        assertThat(dispatched).containsExactly(first, second, third);
        assertThat(channel.config().isAutoRead()).as("reading resumes once everything is answered").isTrue();
        assertThat(channel.outboundMessages()).hasSize(3);
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("more waiting requests than the bound closes the connection instead of queueing without end")
    void boundedWaiting() {
        EmbeddedChannel channel = channel(2);
        channel.writeInbound(request(), request(), request());
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(request());
        assertThat(channel.isOpen()).isFalse();
        assertThat(CloseReasons.of(channel)).isEqualTo(org.circgate.server.metrics.ServerMetrics.CloseReason.ERROR);
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("a close at a message boundary waits until the request in flight and those waiting are answered")
    void closeAfterWaitingRequests() {
        EmbeddedChannel channel = channel(10);
        channel.writeInbound(request(), request());
        Sip2RequestHandler.closeAfterCurrentRequest(channel);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        answer(channel);
        assertThat(channel.isOpen()).as("one request still waiting").isTrue();
        assertThat(dispatched).hasSize(2);
        answer(channel);
        assertThat(channel.isOpen()).isFalse();
        assertThat(CloseReasons.of(channel)).isEqualTo(org.circgate.server.metrics.ServerMetrics.CloseReason.DRAIN);
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("writes that are not answers (the empty flush of a drain) pass through and free nothing")
    void otherWritesPassThrough() {
        EmbeddedChannel channel = channel(10);
        channel.writeInbound(request(), request());
        channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER);
        channel.runPendingTasks();
        assertThat(dispatched).hasSize(1);
        channel.finishAndReleaseAll();
    }
}
