package org.circgate.server.ncip;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/** Remembers why circgate closed an NCIP connection, so the close is counted under the right reason. */
final class NcipCloseReasons {
    private static final AttributeKey<CloseReason> ATTRIBUTE = AttributeKey.valueOf(NcipCloseReasons.class,
            "closeReason");

    private NcipCloseReasons() {
    }

    /** Closes the channel, recording the reason unless an earlier close already recorded one. */
    static ChannelFuture close(Channel channel, CloseReason reason) {
        channel.attr(ATTRIBUTE).setIfAbsent(reason);
        return channel.close();
    }

    /** Records the reason for a close that happens later (after a response with {@code Connection: close}). */
    static void closingFor(Channel channel, CloseReason reason) {
        channel.attr(ATTRIBUTE).setIfAbsent(reason);
    }

    /** The recorded reason, or CLIENT when the peer closed. */
    static CloseReason of(Channel channel) {
        CloseReason reason = channel.attr(ATTRIBUTE).get();
        return reason == null ? CloseReason.CLIENT : reason;
    }
}
