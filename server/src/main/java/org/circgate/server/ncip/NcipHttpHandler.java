package org.circgate.server.ncip;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.circgate.ncip.NcipWriter;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.AuthFailure;
import org.circgate.server.metrics.ServerMetrics.AuthKind;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.circgate.server.ncip.agency.NcipAgencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NCIP endpoint, on a worker thread (authentication queries the database, parsing and circulation block):
 * {@code POST /ncip} with the API key as a path segment ({@code /ncip/KEY}), a query parameter
 * ({@code ?apikey=KEY}) or an {@code Authorization: apikey KEY} header, body {@code application/xml} or
 * {@code text/xml}. HTTP statuses are for the transport (401/403 credentials, 404 path, 405 method, 413 size,
 * 415 content type); every NCIP answer, refusals included, is HTTP 200. A GET answers a short status text.
 */
final class NcipHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(NcipHttpHandler.class);

    static final String PATH = "/ncip";
    static final String STATUS_TEXT = "circgate NCIP 2.02 responder: POST NCIP messages (application/xml) to " + PATH;
    private static final String API_KEY_PARAMETER = "apikey";
    private static final String API_KEY_SCHEME = "apikey";
    private static final List<String> CONTENT_TYPES = List.of("application/xml", "text/xml");

    private final NcipAgencies agencies;
    private final NcipDispatcher dispatcher;
    private final NcipWriter writer;
    private final ServerMetrics metrics;
    private final BooleanSupplier draining;

    NcipHttpHandler(NcipAgencies agencies, NcipDispatcher dispatcher, NcipWriter writer, ServerMetrics metrics,
            BooleanSupplier draining) {
        this.agencies = agencies;
        this.dispatcher = dispatcher;
        this.writer = writer;
        this.metrics = metrics;
        this.draining = draining;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Channel channel = ctx.channel();
        // From when the request was complete, not from now: the partner also waits while its worker finishes others.
        long started = NcipAggregator.completedAt(channel, System.nanoTime());
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !draining.getAsBoolean();
        if (request.decoderResult().isFailure()) {
            send(channel, HttpReplies.text(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request"), false,
                    CloseReason.ERROR);
            return;
        }
        QueryStringDecoder target = new QueryStringDecoder(request.uri());
        String pathKey = pathKey(target.path());
        if (pathKey == null) {
            send(channel, HttpReplies.text(HttpResponseStatus.NOT_FOUND, "Not found; NCIP is served at " + PATH),
                    keepAlive, CloseReason.CLIENT);
            return;
        }
        if (HttpMethod.GET.equals(request.method())) {
            send(channel, HttpReplies.text(HttpResponseStatus.OK, STATUS_TEXT), keepAlive, CloseReason.CLIENT);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse refused = HttpReplies.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Use POST for NCIP messages (GET shows the status)");
            refused.headers().set(HttpHeaderNames.ALLOW, "GET, POST");
            send(channel, refused, keepAlive, CloseReason.CLIENT);
            return;
        }
        NcipAgencies.Verdict verdict;
        try {
            verdict = agencies.authenticate(apiKey(pathKey, target, request), remote(channel));
        } catch (PersistenceException e) {
            log.warn("NCIP request from {} not authenticated: {}", remote(channel).getAddress(), e.getMessage());
            send(channel, HttpReplies.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
                    false, CloseReason.ERROR);
            return;
        }
        if (verdict instanceof NcipAgencies.Verdict.MissingKey || verdict instanceof NcipAgencies.Verdict.UnknownKey) {
            metrics.authFailure(AuthKind.NCIP_API_KEY, verdict instanceof NcipAgencies.Verdict.MissingKey
                    ? AuthFailure.UNKNOWN : AuthFailure.BAD_CREDENTIALS);
            log.info("NCIP request from {} refused: {} API key", remote(channel).getAddress(),
                    verdict instanceof NcipAgencies.Verdict.MissingKey ? "no" : "unknown");
            send(channel, unauthorized(), keepAlive, CloseReason.CLIENT);
            return;
        }
        if (verdict instanceof NcipAgencies.Verdict.AddressDenied denied) {
            metrics.authFailure(AuthKind.NCIP_API_KEY, AuthFailure.ADDRESS_DENIED);
            log.info("NCIP request for agency {} refused: {} is not an allowed network",
                    denied.agency().agencyId(), remote(channel).getAddress());
            send(channel, HttpReplies.text(HttpResponseStatus.FORBIDDEN, "Not allowed from this address"),
                    false, CloseReason.ADDRESS_DENIED);
            return;
        }
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (!xml(contentType)) {
            send(channel, HttpReplies.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "NCIP messages are application/xml or text/xml"), keepAlive, CloseReason.CLIENT);
            return;
        }
        NcipAgencies.Verdict.Accepted accepted = (NcipAgencies.Verdict.Accepted) verdict;
        NcipDispatcher.Reply reply;
        try {
            reply = dispatcher.answer(accepted.agency(), ByteBufUtil.getBytes(request.content()),
                    charset(contentType));
        } catch (RuntimeException e) {
            // A bug, not a business answer: 500 with nothing of the request echoed.
            log.warn("NCIP request from agency {} failed unexpectedly", accepted.agency().agencyId(), e);
            send(channel, HttpReplies.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error"), false,
                    CloseReason.ERROR);
            metrics.request(ServerMetrics.Interface.NCIP, NcipDispatcher.UNSUPPORTED, ServerMetrics.Outcome.ERROR,
                    ServerMetrics.MapAction.NONE, System.nanoTime() - started);
            return;
        }
        if (reply.status() == 401) {
            metrics.authFailure(AuthKind.NCIP_API_KEY, AuthFailure.BAD_CREDENTIALS);
            send(channel, unauthorized(), keepAlive, CloseReason.CLIENT);
        } else if (reply.status() == 413) {
            send(channel, HttpReplies.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request body too large"),
                    false, CloseReason.FRAME_TOO_LONG);
        } else {
            send(channel, HttpReplies.response(HttpResponseStatus.valueOf(reply.status()), NcipWriter.CONTENT_TYPE,
                    writer.write(reply.response())), keepAlive, CloseReason.CLIENT);
        }
        metrics.request(ServerMetrics.Interface.NCIP, reply.command(), reply.outcome(), reply.action(),
                System.nanoTime() - started);
    }

    private void send(Channel channel, FullHttpResponse response, boolean keepAlive, CloseReason reason) {
        HttpReplies.send(channel, response, keepAlive, draining.getAsBoolean() ? CloseReason.DRAIN : reason,
                metrics);
    }

    private static FullHttpResponse unauthorized() {
        FullHttpResponse response = HttpReplies.text(HttpResponseStatus.UNAUTHORIZED,
                "An API key is required: " + PATH + "/KEY, ?" + API_KEY_PARAMETER + "=KEY or Authorization: "
                        + API_KEY_SCHEME + " KEY");
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, API_KEY_SCHEME + " realm=\"ncip\"");
        return response;
    }

    /** "" for the bare endpoint, the key for {@code /ncip/KEY}, null for any other path. */
    static String pathKey(String path) {
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            return "";
        }
        if (path.startsWith(PATH + "/")) {
            String rest = path.substring(PATH.length() + 1);
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            return rest.isEmpty() || rest.indexOf('/') >= 0 ? null : rest;
        }
        return null;
    }

    /** The key from the path, else the query, else the Authorization header; null when there is none. */
    static String apiKey(String pathKey, QueryStringDecoder target, FullHttpRequest request) {
        if (!pathKey.isEmpty()) {
            return pathKey;
        }
        List<String> query = target.parameters().get(API_KEY_PARAMETER);
        if (query != null && !query.isEmpty() && !query.get(0).isEmpty()) {
            return query.get(0);
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            String value = authorization.strip();
            int space = value.indexOf(' ');
            if (space > 0 && value.substring(0, space).equalsIgnoreCase(API_KEY_SCHEME)) {
                return value.substring(space + 1).strip();
            }
        }
        return null;
    }

    static boolean xml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.contains(media);
    }

    /** The charset parameter of the Content-Type, or null when absent or unknown (the reader then decides). */
    static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "").replace("'", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static InetSocketAddress remote(Channel channel) {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** Closes the connection once the request it is working on (if any) has been answered. */
    static void closeAfterCurrentRequest(Channel channel) {
        channel.config().setAutoRead(false);
        ChannelHandlerContext ctx = channel.pipeline().context(NcipHandlerNames.HANDLER);
        if (ctx == null) {
            NcipCloseReasons.close(channel, CloseReason.DRAIN);
            return;
        }
        // The worker runs this channel's tasks in order, so this runs after the request in progress.
        ctx.executor().execute(() -> ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
                .addListener((ChannelFutureListener) f -> NcipCloseReasons.close(channel, CloseReason.DRAIN)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.fireExceptionCaught(cause);
    }
}
