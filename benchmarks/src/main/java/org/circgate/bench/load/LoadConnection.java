package org.circgate.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.LoginResponse;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2Outbound;
import org.circgate.sip2.message.Sip2Request;

/**
 * One kiosk connection. SIP2 is strictly request/response, so a connection never has more than one request in
 * flight: it logs in, then sends the next request when the previous answer arrives (closed loop) or at its next
 * scheduled start (open loop, where a late start counts against the latency so a slow server cannot hide queueing).
 * Everything here runs on the channel's event loop.
 */
final class LoadConnection extends SimpleChannelInboundHandler<Sip2Inbound> {
    enum State {
        CONNECTING, LOGGING_IN, READY, RUNNING, DONE, FAILED
    }

    private final LoadRun run;
    private final Requests requests;
    private final LoadData.Slice patrons;
    private final LoadData.Slice items;
    private final LoadData.Slice billPatrons;
    private final SplittableRandom random;

    private Channel channel;
    private LoadStats stats;
    private volatile State state = State.CONNECTING;
    /** System.nanoTime() when the request in flight was written; 0 when none is (read by the timeout sweep). */
    private volatile long waitingSince;
    private volatile boolean timedOut;
    /** What the request in flight is, for the timeout note (an item left on loan shows up there). */
    private volatile String waitingFor = "login";
    private ErrorDetection sequence = ErrorDetection.sequence(9);
    private long cursor;
    private Operation operation;
    private int stepIndex;
    private long operationStart;
    private long stepStart;
    private boolean operationFailed;
    private long nextIntended;
    private String patron;
    private String item;

    LoadConnection(LoadRun run, Requests requests, int index, int connections, LoadData data, long seed) {
        this.run = run;
        this.requests = requests;
        this.patrons = LoadData.slice(data.patrons(), index, connections);
        this.items = LoadData.slice(data.items(), index, connections);
        this.billPatrons = LoadData.slice(data.billPatrons(), index, connections);
        this.random = new SplittableRandom(seed);
        this.cursor = random.nextInt(Math.max(1, items.size()));
    }

    State state() {
        return state;
    }

    long waitingSince() {
        return waitingSince;
    }

    Channel channel() {
        return channel;
    }

    /** The request in flight, as "login" or "09 LI0000123". */
    String waitingFor() {
        return waitingFor;
    }

    /** Marks the connection as given up by the timeout sweep; true the first time only. */
    boolean giveUp() {
        if (timedOut) {
            return false;
        }
        timedOut = true;
        return true;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        stats = run.statsFor(channel.eventLoop());
        state = State.LOGGING_IN;
        write(requests.login());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        State was = state;
        if (was != State.DONE && was != State.FAILED) {
            state = State.FAILED;
            run.lost(this, was);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        run.note("connection error: " + cause);
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Sip2Inbound inbound) {
        long now = System.nanoTime();
        waitingSince = 0;
        switch (state) {
            case LOGGING_IN -> {
                boolean ok = inbound instanceof DecodedMessage decoded
                        && decoded.message() instanceof LoginResponse login && login.ok();
                state = ok ? State.READY : State.FAILED;
                run.loginAnswered(this, ok);
                if (!ok) {
                    ctx.close();
                }
            }
            case RUNNING -> completeStep(now, inbound);
            default -> run.note("answer while " + state + ": " + Outcome.screenMessage(inbound));
        }
    }

    /** Starts driving the mix (called on the event loop once every connection has logged in). */
    void start(long firstStart) {
        if (state != State.READY) {
            return;
        }
        state = State.RUNNING;
        if (run.options().openLoop()) {
            // Spread the first starts over one interval so the connections do not fire in lock step.
            nextIntended = firstStart + random.nextLong(run.options().intervalNanos());
            scheduleAt(nextIntended);
        } else {
            begin(System.nanoTime());
        }
    }

    private void scheduleAt(long intended) {
        long delay = intended - System.nanoTime();
        if (delay > 0) {
            channel.eventLoop().schedule(() -> begin(intended), delay, TimeUnit.NANOSECONDS);
        } else {
            begin(intended);
        }
    }

    private void begin(long start) {
        if (state != State.RUNNING) {
            return;
        }
        if (System.nanoTime() - run.stopAt() >= 0) {
            finish();
            return;
        }
        operation = run.options().mix().next(random);
        operationStart = start;
        operationFailed = false;
        stepIndex = 0;
        cursor++;
        patron = operation == Operation.FEE_PAID ? run.options().data().billPatron(billPatrons.at(cursor))
                : run.options().data().patron(patrons.at(cursor));
        item = run.options().data().item(items.at(cursor));
        send(start);
    }

    private void send(long start) {
        stepStart = start;
        Step step = operation.steps().get(stepIndex);
        waitingFor = step.label() + " " + (operation == Operation.FEE_PAID ? patron : item);
        write(requests.build(step, patron, item));
    }

    private void write(Sip2Request request) {
        sequence = sequence.next();
        waitingSince = System.nanoTime();
        channel.writeAndFlush(Sip2Outbound.of(request, sequence), channel.voidPromise());
    }

    private void completeStep(long now, Sip2Inbound inbound) {
        Step step = operation.steps().get(stepIndex);
        Outcome outcome = Outcome.of(step, inbound);
        if (outcome != Outcome.OK) {
            operationFailed = true;
            run.failed(step, outcome, inbound);
        }
        run.record(stats, step, stepStart, now, outcome);
        stepIndex++;
        if (stepIndex < operation.steps().size()) {
            // The rest of the operation follows at once, also after the run's end, so no item stays checked out.
            send(now);
            return;
        }
        if (operation.steps().size() > 1) {
            run.record(stats, operation.summaryStep(), operationStart, now,
                    operationFailed ? Outcome.ERROR : Outcome.OK);
        }
        if (run.options().openLoop()) {
            nextIntended += run.options().intervalNanos();
            scheduleAt(nextIntended);
        } else {
            begin(now);
        }
    }

    private void finish() {
        state = State.DONE;
        run.finished(this);
    }
}
