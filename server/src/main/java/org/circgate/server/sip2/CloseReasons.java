package org.circgate.server.sip2;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/** Remembers why circgate closed a connection, so the close is counted under the right reason. */
public final class CloseReasons {
    static final AttributeKey<CloseReason> ATTRIBUTE = AttributeKey.valueOf(CloseReasons.class, "closeReason");

    private CloseReasons() {
    }

    /** Closes the channel, recording the reason unless an earlier close already recorded one. */
    public static ChannelFuture close(Channel channel, CloseReason reason) {
        channel.attr(ATTRIBUTE).setIfAbsent(reason);
        return channel.close();
    }

    /** The recorded reason, or CLIENT when the peer closed. */
    static CloseReason of(Channel channel) {
        CloseReason reason = channel.attr(ATTRIBUTE).get();
        return reason == null ? CloseReason.CLIENT : reason;
    }
}
