package org.circgate.server.ncip;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/** Writes the NCIP listener's HTTP answers, counting each by status and keeping or closing the connection. */
final class HttpReplies {
    static final String TEXT = "text/plain; charset=utf-8";

    private HttpReplies() {
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        return response(status, TEXT, (body + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    /**
     * Sends {@code response}; keeps the connection when {@code keepAlive}, else says {@code Connection: close} and
     * closes after the write, recording {@code closeReason}.
     */
    static ChannelFuture send(Channel channel, FullHttpResponse response, boolean keepAlive,
            CloseReason closeReason, ServerMetrics metrics) {
        metrics.ncipHttpResponse(response.status().code());
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = channel.writeAndFlush(response);
        if (!keepAlive) {
            NcipCloseReasons.closingFor(channel, closeReason);
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }
}
