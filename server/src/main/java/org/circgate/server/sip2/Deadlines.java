package org.circgate.server.sip2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/**
 * Per-connection deadlines: close after {@code idle} without any byte from the kiosk (longer than the 5-7 minute
 * heartbeat of real kiosks), and close a connection that has not logged in within {@code login} of connecting.
 */
final class Deadlines extends IdleStateHandler {
    private final Duration login;
    private ScheduledFuture<?> loginCheck;

    Deadlines(Duration idle, Duration login) {
        super(idle.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
        this.login = login;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        loginCheck = ctx.executor().schedule(() -> {
            if (!Sip2Session.of(ctx.channel()).isLoggedIn()) {
                CloseReasons.close(ctx.channel(), CloseReason.LOGIN_DEADLINE);
            }
        }, login.toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (loginCheck != null) {
            loginCheck.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        CloseReasons.close(ctx.channel(), CloseReason.IDLE);
    }
}
