package org.circgate.sip2.codec;

import io.netty.channel.CombinedChannelDuplexHandler;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Role;

/**
 * The server (ACS) side in one handler: bytes → {@code Sip2Inbound} (requests) and responses → bytes.
 * <pre>{@code
 * pipeline.addLast(Sip2ServerCodec.NAME, new Sip2ServerCodec(settings));
 * }</pre>
 * Settings live in the channel attribute {@link Sip2CodecSettings#ATTRIBUTE} and can be changed at any time with
 * {@link Sip2CodecSettings#apply}.
 */
public final class Sip2ServerCodec extends CombinedChannelDuplexHandler<Sip2MessageDecoder, Sip2MessageEncoder> {

    /** A suggested pipeline name. */
    public static final String NAME = "sip2-codec";

    public Sip2ServerCodec() {
        this(Sip2CodecSettings.DEFAULTS);
    }

    public Sip2ServerCodec(Sip2CodecSettings initialSettings) {
        super(new Sip2MessageDecoder(Sip2Role.SERVER, initialSettings),
                new Sip2MessageEncoder(Sip2Role.SERVER, initialSettings));
    }
}
