package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.circgate.server.metrics.ServerMetrics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Operations (docs/metrics.md, circgate_request_duration_seconds): an NCIP request is timed from the moment its body
 * is complete, on the I/O loop, so the wait for a free worker is part of its duration.
 */
class NcipAggregatorTimingTest {

    @Test
    @DisplayName("the request is stamped when its last part arrives, not before")
    void stampsTheCompletedRequest() {
        EmbeddedChannel channel = new EmbeddedChannel(
                new NcipAggregator(1024, new ServerMetrics(new SimpleMeterRegistry(), "test", "test")));
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/ncip");
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");

        channel.writeInbound(head, new DefaultHttpContent(Unpooled.copiedBuffer("<a>", StandardCharsets.UTF_8)));
        assertThat(NcipAggregator.completedAt(channel, -1)).as("incomplete: no stamp yet").isEqualTo(-1);
        long before = System.nanoTime();
        channel.writeInbound(new DefaultLastHttpContent(Unpooled.copiedBuffer("</a>", StandardCharsets.UTF_8)));
        long after = System.nanoTime();

        FullHttpRequest request = channel.readInbound();
        assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("<a></a>");
        assertThat(NcipAggregator.completedAt(channel, -1)).isBetween(before, after);
        request.release();
        channel.finishAndReleaseAll();
    }
}
