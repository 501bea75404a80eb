package org.circgate.sip2.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.util.Attribute;
import java.util.Objects;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.message.Sip2Message;
import org.circgate.sip2.message.Sip2MessageWriter;
import org.circgate.sip2.message.Sip2Outbound;

/**
 * Encodes {@link Sip2Outbound}s and bare {@link Sip2Message}s with the channel's {@link Sip2CodecSettings}.
 *
 * <p>Trailer rules: a {@code Sip2Outbound} carries its own (use {@code Sip2Outbound.replyTo(request, response)} to
 * echo the request's AY). A bare message gets none in {@link ErrorDetectionMode#AUTO}; in
 * {@link ErrorDetectionMode#REQUIRED} it gets one anyway: the client role numbers its requests 0, 1, ... 9, 0, ...; the
 * server role uses AY0 (write a {@code Sip2Outbound} to echo the real one). 96 and 97 never get an AY.
 *
 * <p>A message this role does not send (a server writing a request) fails the write with a
 * {@code Sip2CodecException}.
 */
public class Sip2MessageEncoder extends MessageToByteEncoder<Object> {

    private final Sip2Role role;
    private final Sip2CodecSettings initialSettings;
    private final Sip2MessageWriter writer;
    private Attribute<Sip2CodecSettings> settingsAttribute;
    private ErrorDetection lastClientSequence = ErrorDetection.none();

    public Sip2MessageEncoder(Sip2Role role, Sip2CodecSettings initialSettings) {
        super(Object.class);
        this.role = Objects.requireNonNull(role, "role");
        this.initialSettings = Objects.requireNonNull(initialSettings, "initialSettings");
        this.writer = new Sip2MessageWriter(role);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        settings(ctx);
        super.handlerAdded(ctx);
    }

    private Sip2CodecSettings settings(ChannelHandlerContext ctx) {
        if (settingsAttribute == null) {
            settingsAttribute = ctx.channel().attr(Sip2CodecSettings.ATTRIBUTE);
            settingsAttribute.setIfAbsent(initialSettings);
        }
        Sip2CodecSettings settings = settingsAttribute.get();
        return settings == null ? initialSettings : settings;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof Sip2Message || msg instanceof Sip2Outbound;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        Sip2CodecSettings settings = settings(ctx);
        Sip2Message message;
        ErrorDetection trailer;
        if (msg instanceof Sip2Outbound) {
            Sip2Outbound outbound = (Sip2Outbound) msg;
            message = outbound.message();
            trailer = outbound.errorDetection();
        } else {
            message = (Sip2Message) msg;
            trailer = settings.errorDetection() == ErrorDetectionMode.REQUIRED ? requiredTrailer(message)
                    : ErrorDetection.none();
        }
        writer.write(message, trailer, settings, out);
    }

    private ErrorDetection requiredTrailer(Sip2Message message) {
        Sip2Command command = message.command();
        if (command == Sip2Command.REQUEST_ACS_RESEND || command == Sip2Command.REQUEST_SC_RESEND) {
            return ErrorDetection.checksumOnly();
        }
        if (role == Sip2Role.CLIENT) {
            lastClientSequence = lastClientSequence.next();
            return lastClientSequence;
        }
        return ErrorDetection.sequence(0);
    }
}
