package org.circgate.sip2.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Byte helpers for codec tests; every buffer read from a channel is released here. */
final class Sip2CodecTestUtil {

    static final Charset CP850 = Charset.forName("IBM850");

    private Sip2CodecTestUtil() {
    }

    static ByteBuf byteBufOf(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(CP850));
    }

    static ByteBuf byteBufOf(String s, Charset charset) {
        return Unpooled.wrappedBuffer(s.getBytes(charset));
    }

    /** Drains every outbound buffer and returns the text written (CP850). */
    static String outboundString(EmbeddedChannel channel) {
        return outboundString(channel, CP850);
    }

    static String outboundString(EmbeddedChannel channel, Charset charset) {
        StringBuilder sb = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            try {
                sb.append(buf.toString(charset));
            } finally {
                buf.release();
            }
        }
        return sb.toString();
    }

    /** Drains every inbound message. */
    static List<Object> inbound(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        for (Object msg; (msg = channel.readInbound()) != null; ) {
            messages.add(msg);
        }
        return messages;
    }
}
