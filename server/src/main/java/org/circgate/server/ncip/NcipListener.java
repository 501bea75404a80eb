package org.circgate.server.ncip;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.circgate.ncip.NcipReader;
import org.circgate.ncip.NcipWriter;
import org.circgate.server.config.ServerConfig;
import org.circgate.server.lifecycle.Listener;
import org.circgate.server.lifecycle.NettyResources;
import org.circgate.server.lifecycle.StartupException;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.circgate.server.ncip.service.AcceptItemService;
import org.circgate.server.ncip.service.CancelRequestItemService;
import org.circgate.server.ncip.service.CheckInItemService;
import org.circgate.server.ncip.service.CheckOutItemService;
import org.circgate.server.ncip.service.DeleteItemService;
import org.circgate.server.ncip.service.LookupAgencyService;
import org.circgate.server.ncip.service.LookupItemService;
import org.circgate.server.ncip.service.LookupUserService;
import org.circgate.server.ncip.service.RenewItemService;
import org.circgate.server.ncip.service.RequestItemService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The NCIP HTTP(S) listener and the connections it accepted. */
public final class NcipListener implements Listener {
    private static final Logger log = LoggerFactory.getLogger(NcipListener.class);

    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final InetSocketAddress address;
    private final AtomicBoolean draining;
    private final boolean tls;

    private NcipListener(Channel serverChannel, ChannelGroup connections, AtomicBoolean draining, boolean tls) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.address = (InetSocketAddress) serverChannel.localAddress();
        this.draining = draining;
        this.tls = tls;
    }

    /**
     * Binds the plain HTTP listener (unless {@code ncip.plain.enabled} is false) and the HTTPS one (when its
     * certificate is configured); both share the services, the dispatcher and one drain flag per listener.
     */
    public static List<NcipListener> start(ServerConfig.NcipConfig config, NettyResources netty,
            NcipServices services) {
        NcipTls tls = config.tls() == null ? null : NcipTls.of(config.tls());
        NcipReader reader = new NcipReader(config.maxBodyBytes(), NcipReader.DEFAULT_MAX_DEPTH);
        NcipDispatcher dispatcher = new NcipDispatcher(reader, handlers(services));
        NcipWriter writer = new NcipWriter();
        List<NcipListener> listeners = new ArrayList<>();
        try {
            if (config.plainEnabled()) {
                listeners.add(bind(config, netty, services, dispatcher, writer, config.address(), null));
            }
            if (tls != null) {
                listeners.add(bind(config, netty, services, dispatcher, writer, config.tls().address(), tls));
            }
            return listeners;
        } catch (RuntimeException e) {
            listeners.forEach(NcipListener::stopAccepting);
            throw e;
        }
    }

    private static NcipListener bind(ServerConfig.NcipConfig config, NettyResources netty, NcipServices services,
            NcipDispatcher dispatcher, NcipWriter writer, InetSocketAddress address, NcipTls tls) {
        ChannelGroup connections = new DefaultChannelGroup(tls == null ? "ncip" : "ncip-tls",
                GlobalEventExecutor.INSTANCE);
        AtomicBoolean draining = new AtomicBoolean();
        NcipConnectionTracker tracker = new NcipConnectionTracker(services.metrics(), connections,
                tls == null ? "plain" : "tls", config.maxConnections());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(netty.acceptors(), netty.ioLoops())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 128 * 1024))
                .childHandler(new NcipChannelInitializer(config, tracker, tls, services,
                        () -> new NcipHttpHandler(services.agencies(), dispatcher, writer, services.metrics(),
                                draining::get)));
        try {
            Channel channel = bootstrap.bind(address).sync().channel();
            return new NcipListener(channel, connections, draining, tls != null);
        } catch (Exception e) {
            throw new StartupException("NCIP " + (tls == null ? "" : "HTTPS ") + "port " + address
                    + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** One handler per service circgate answers. */
    static List<NcipServiceHandler> handlers(NcipServices services) {
        return List.of(new LookupUserService(services), new LookupItemService(services),
                new CheckOutItemService(services), new CheckInItemService(services), new RenewItemService(services),
                new RequestItemService(services), new CancelRequestItemService(services),
                new AcceptItemService(services), new DeleteItemService(services), new LookupAgencyService(services));
    }

    /** True for the HTTPS listener. */
    public boolean tls() {
        return tls;
    }

    @Override
    public String name() {
        return tls ? "NCIP-HTTPS" : "NCIP";
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void stopAccepting() {
        draining.set(true);
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * Waits until the closed connections' pipelines are taken apart. Their handlers run on two executors (I/O loop
     * and workers), and the teardown hops between them after the close itself has completed; stopping the threads
     * before it finishes would reject those last tasks.
     */
    private static void awaitTornDown(List<Channel> channels, Instant deadline) {
        for (Channel channel : channels) {
            while (channel.pipeline().first() != null && Instant.now().isBefore(deadline)) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void drain(Instant deadline) {
        int open = connections.size();
        List<Channel> drained = List.copyOf(connections);
        for (Channel channel : connections) {
            NcipHttpHandler.closeAfterCurrentRequest(channel);
        }
        for (Channel channel : connections) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0 || !channel.closeFuture().awaitUninterruptibly(left)) {
                break;
            }
        }
        for (Channel channel : connections) {
            NcipCloseReasons.close(channel, CloseReason.DRAIN);
        }
        awaitTornDown(drained, deadline);
        if (open > 0) {
            log.info("NCIP drained {} connection(s)", open);
        }
    }
}
