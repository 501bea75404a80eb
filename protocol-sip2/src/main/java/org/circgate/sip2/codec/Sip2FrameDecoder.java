package org.circgate.sip2.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.Attribute;
import io.netty.util.ByteProcessor;
import java.util.List;
import java.util.Objects;
import org.circgate.sip2.Sip2CodecSettings;

/**
 * Splits the byte stream into SIP2 frames. A frame ends at CR (the spec's terminator) or LF, so CRLF (Cen-Tec, Koha's
 * default) and LF-only senders work too; the empty frames this produces between CR and LF, or from blank lines, are
 * skipped. Emits each frame as a retained slice without its terminator (subclasses parse it in place instead).
 *
 * <p>The maximum frame length comes from the channel's {@link Sip2CodecSettings} and is enforced before the
 * terminator arrives: as soon as more bytes than allowed are buffered without a terminator, a
 * {@link TooLongFrameException} is fired down the pipeline (not thrown, so frames already buffered behind it are still
 * decoded), and the rest of that frame is discarded up to the next terminator. The connection stays usable; the
 * server answers the exception with a 96.
 */
public class Sip2FrameDecoder extends ByteToMessageDecoder {

    private final Sip2CodecSettings initialSettings;
    private Attribute<Sip2CodecSettings> settingsAttribute;
    private boolean discarding;
    private int scanned;

    /** A frame decoder whose channel starts with {@code initialSettings} (unless the channel already has settings). */
    public Sip2FrameDecoder(Sip2CodecSettings initialSettings) {
        this.initialSettings = Objects.requireNonNull(initialSettings, "initialSettings");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        settings(ctx);
        super.handlerAdded(ctx);
    }

    /** The channel's current settings (seeded with the initial settings on first use). */
    protected final Sip2CodecSettings settings(ChannelHandlerContext ctx) {
        if (settingsAttribute == null) {
            settingsAttribute = ctx.channel().attr(Sip2CodecSettings.ATTRIBUTE);
            settingsAttribute.setIfAbsent(initialSettings);
        }
        Sip2CodecSettings settings = settingsAttribute.get();
        return settings == null ? initialSettings : settings;
    }

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        Sip2CodecSettings settings = settings(ctx);
        if (discarding) {
            int eol = in.forEachByte(ByteProcessor.FIND_CRLF);
            if (eol < 0) {
                in.skipBytes(in.readableBytes());
                return;
            }
            in.readerIndex(eol + 1);
            discarding = false;
        }
        while (in.isReadable() && isTerminator(in.getByte(in.readerIndex()))) {
            in.skipBytes(1);
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable == 0) {
            return;
        }
        int eol = in.forEachByte(start + scanned, readable - scanned, ByteProcessor.FIND_CRLF);
        int max = settings.maxFrameLength();
        if (eol < 0) {
            scanned = readable;
            if (readable > max) {
                scanned = 0;
                discarding = true;
                in.skipBytes(readable);
                ctx.fireExceptionCaught(tooLong(max));
            }
            return;
        }
        scanned = 0;
        int length = eol - start;
        if (length > max) {
            in.readerIndex(eol + 1);
            ctx.fireExceptionCaught(tooLong(max));
            return;
        }
        try {
            frame(ctx, in, start, length, settings, out);
        } finally {
            in.readerIndex(eol + 1);
        }
    }

    /**
     * Handles one frame at {@code in[index, index + length)}; the caller then moves past it. This class emits a
     * retained slice; {@link Sip2MessageDecoder} parses it in place.
     */
    protected void frame(ChannelHandlerContext ctx, ByteBuf in, int index, int length, Sip2CodecSettings settings,
            List<Object> out) {
        out.add(in.retainedSlice(index, length));
    }

    private static boolean isTerminator(byte b) {
        return b == '\r' || b == '\n';
    }

    private static TooLongFrameException tooLong(int max) {
        return new TooLongFrameException("SIP2 frame longer than " + max + " bytes; discarded up to the next CR");
    }
}
