package org.circgate.sip2.codec;

import io.netty.channel.CombinedChannelDuplexHandler;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Role;

/**
 * The client (SC) side in one handler, for the load generator and tests: requests → bytes and bytes →
 * {@code Sip2Inbound} (responses). With {@code ErrorDetectionMode.REQUIRED} bare requests are numbered AY0–AY9 in turn.
 */
public final class Sip2ClientCodec extends CombinedChannelDuplexHandler<Sip2MessageDecoder, Sip2MessageEncoder> {

    /** A suggested pipeline name. */
    public static final String NAME = "sip2-codec";

    public Sip2ClientCodec() {
        this(Sip2CodecSettings.DEFAULTS);
    }

    public Sip2ClientCodec(Sip2CodecSettings initialSettings) {
        super(new Sip2MessageDecoder(Sip2Role.CLIENT, initialSettings),
                new Sip2MessageEncoder(Sip2Role.CLIENT, initialSettings));
    }
}
