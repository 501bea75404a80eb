package org.circgate.sip2.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2MessageReader;

/**
 * Frames the byte stream (see {@link Sip2FrameDecoder}) and decodes each frame into a {@link Sip2Inbound}: a
 * {@code DecodedMessage} or, for any content error (bad or missing checksum, unknown command, short fixed part, bad
 * date, ...), an {@code InvalidMessage} the handler can answer. Only framing overflow is an exception.
 *
 * <p>The server role decodes requests, the client role responses.
 */
public class Sip2MessageDecoder extends Sip2FrameDecoder {

    private final Sip2MessageReader reader;

    public Sip2MessageDecoder(Sip2Role role, Sip2CodecSettings initialSettings) {
        super(initialSettings);
        this.reader = new Sip2MessageReader(role);
    }

    @Override
    protected void frame(ChannelHandlerContext ctx, ByteBuf in, int index, int length, Sip2CodecSettings settings,
            List<Object> out) {
        out.add(reader.read(in, index, length, settings));
    }
}
