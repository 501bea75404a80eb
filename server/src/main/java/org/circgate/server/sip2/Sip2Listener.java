package org.circgate.server.sip2;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.circgate.server.config.ServerConfig;
import org.circgate.server.lifecycle.Listener;
import org.circgate.server.lifecycle.NettyResources;
import org.circgate.server.lifecycle.StartupException;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.circgate.server.sip2.command.BlockPatronCommand;
import org.circgate.server.sip2.command.CheckinCommand;
import org.circgate.server.sip2.command.CheckoutCommand;
import org.circgate.server.sip2.command.EndPatronSessionCommand;
import org.circgate.server.sip2.command.FeePaidCommand;
import org.circgate.server.sip2.command.HoldCommand;
import org.circgate.server.sip2.command.ItemInformationCommand;
import org.circgate.server.sip2.command.ItemStatusUpdateCommand;
import org.circgate.server.sip2.command.LoginCommand;
import org.circgate.server.sip2.command.PatronEnableCommand;
import org.circgate.server.sip2.command.PatronInformationCommand;
import org.circgate.server.sip2.command.PatronStatusCommand;
import org.circgate.server.sip2.command.RenewAllCommand;
import org.circgate.server.sip2.command.RenewCommand;
import org.circgate.server.sip2.command.ScStatusCommand;
import org.circgate.sip2.Sip2Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP2 listener (plain TCP or TLS) and the connections it accepted. Both listeners share the command handlers and
 * the connection caps; each drains its own connections.
 */
public final class Sip2Listener implements Listener {
    private static final Logger log = LoggerFactory.getLogger(Sip2Listener.class);

    private static final Duration DRAIN_POLL = Duration.ofMillis(20);

    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final InetSocketAddress address;
    private final boolean tls;

    private Sip2Listener(Channel serverChannel, ChannelGroup connections, boolean tls) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.address = (InetSocketAddress) serverChannel.localAddress();
        this.tls = tls;
    }

    /**
     * Opens the configured SIP2 listeners: the plain one (unless {@code sip2.plain.enabled} is false) first, then the
     * TLS one (when a certificate and key are configured).
     */
    public static List<Sip2Listener> start(ServerConfig.Sip2Config config, NettyResources netty,
            Sip2Services services) {
        List<Sip2CommandHandler> commands = commands(services);
        services.metrics().declareResendReplays(Sip2CommandNames.of(Sip2Command.REQUEST_ACS_RESEND));
        commands.stream().filter(Sip2CommandHandler::changesState)
                .forEach(command -> services.metrics().declareResendReplays(Sip2CommandNames.of(command.command())));
        ConnectionLimits limits = new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerAddress());
        Sip2Tls tls = config.tls() == null ? null : Sip2Tls.of(config.tls());
        List<Sip2Listener> listeners = new ArrayList<>();
        try {
            if (config.plainEnabled()) {
                listeners.add(bind(config, netty, services, commands, limits, config.address(), null));
            }
            if (tls != null) {
                listeners.add(bind(config, netty, services, commands, limits, config.tls().address(), tls));
            }
            return listeners;
        } catch (RuntimeException e) {
            listeners.forEach(Sip2Listener::stopAccepting);
            throw e;
        }
    }

    private static Sip2Listener bind(ServerConfig.Sip2Config config, NettyResources netty, Sip2Services services,
            List<Sip2CommandHandler> commands, ConnectionLimits limits, InetSocketAddress address, Sip2Tls tls) {
        String label = tls == null ? "plain" : "tls";
        ChannelGroup connections = new DefaultChannelGroup("sip2-" + label, GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(netty.acceptors(), netty.ioLoops())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8 * 1024, 32 * 1024))
                .childHandler(new Sip2ChannelInitializer(config, services,
                        new ConnectionTracker(services.metrics(), connections, label, limits), commands, tls));
        try {
            Channel channel = bootstrap.bind(address).sync().channel();
            return new Sip2Listener(channel, connections, tls != null);
        } catch (Exception e) {
            throw new StartupException("SIP2 " + (tls == null ? "" : "TLS ") + "port " + address
                    + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Whether this is the TLS listener. */
    public boolean tls() {
        return tls;
    }

    /** One handler per request command; the set drives BX in 98. */
    static List<Sip2CommandHandler> commands(Sip2Services services) {
        List<Sip2CommandHandler> commands = new ArrayList<>(List.of(new LoginCommand(services),
                new PatronStatusCommand(services), new PatronInformationCommand(services),
                new CheckoutCommand(services), new CheckinCommand(services), new EndPatronSessionCommand(services),
                new HoldCommand(services), new RenewCommand(services), new RenewAllCommand(services),
                new FeePaidCommand(services), new BlockPatronCommand(services), new PatronEnableCommand(services),
                new ItemInformationCommand(services), new ItemStatusUpdateCommand(services)));
        Set<Sip2Command> implemented = EnumSet.of(Sip2Command.SC_STATUS);
        commands.forEach(command -> implemented.add(command.command()));
        commands.add(new ScStatusCommand(services, implemented));
        return commands;
    }

    @Override
    public String name() {
        return tls ? "SIP2 TLS" : "SIP2";
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void stopAccepting() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * Asks every connection to close at its next message boundary ({@link MessageBoundaries}): requests already
     * received are answered first, a half-received message is read to its end and answered. Connections that are
     * still open at the deadline are closed there. Connections accepted just before the listening socket closed are
     * picked up by the next round.
     */
    @Override
    public void drain(Instant deadline) {
        int open = connections.size();
        Set<Channel> asked = new HashSet<>();
        while (!connections.isEmpty() && Instant.now().isBefore(deadline)) {
            for (Channel channel : connections) {
                if (asked.add(channel)) {
                    MessageBoundaries.closeAtBoundary(channel);
                }
            }
            try {
                Thread.sleep(DRAIN_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int forced = 0;
        for (Channel channel : connections) {
            forced++;
            CloseReasons.close(channel, CloseReason.DRAIN);
        }
        if (open > 0 || forced > 0) {
            log.info("SIP2 drained {} connection(s){}", open,
                    forced > 0 ? "; " + forced + " still busy at the deadline were closed" : "");
        }
    }
}
