package org.circgate.bench.sip2;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.Language;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.Tristate;
import org.circgate.sip2.message.CheckoutResponse;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.PatronInformationResponse;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2Message;
import org.circgate.sip2.message.Sip2MessageReader;
import org.circgate.sip2.message.Sip2MessageWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and encode of the hot SIP2 messages (issue 3): a 23 patron status request, a 64 patron information response
 * with an item list, and a checkout 11/12 pair, all with AY/AZ error detection in IBM850. Decoding reads from a
 * direct {@code ByteBuf} (what a socket read delivers), encoding writes into a reused heap buffer.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Sip2CodecBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Sip2CodecBenchmark {

    private static final Charset CP850 = Charset.forName("IBM850");
    private static final Sip2CodecSettings SETTINGS = Sip2CodecSettings.DEFAULTS;

    static final String PATRON_STATUS_23 =
            "2300120240417    083058AOMAIN|AA21234567890|AC|AD1234|AY2AZF21E";
    static final String CHECKOUT_11 = "11YN20240417    083100                  AOMAIN|AA21234567890|"
            + "AB31234000111|AC|AD1234|AY4AZECB6";

    private final Sip2MessageReader serverReader = new Sip2MessageReader(Sip2Role.SERVER);
    private final Sip2MessageReader clientReader = new Sip2MessageReader(Sip2Role.CLIENT);
    private final Sip2MessageWriter serverWriter = new Sip2MessageWriter(Sip2Role.SERVER);
    private final Sip2MessageWriter clientWriter = new Sip2MessageWriter(Sip2Role.CLIENT);

    private ByteBuf patronStatus23;
    private ByteBuf checkout11;
    private ByteBuf patronInformation64;
    private ByteBuf checkout12;
    private ByteBuf out;

    private Sip2Message request23;
    private Sip2Message request11;
    private PatronInformationResponse response64;
    private CheckoutResponse response12;

    @Setup(Level.Trial)
    public void setUp() {
        Sip2DateTime when = new Sip2DateTime(2024, 4, 17, 8, 31, 0, Sip2DateTime.LOCAL);
        response64 = PatronInformationResponse.builder()
                .patronStatus(PatronStatus.NONE).language(Language.ENGLISH).transactionDate(when)
                .holdItemsCount(0).overdueItemsCount(0).chargedItemsCount(5).fineItemsCount(1)
                .recallItemsCount(0).unavailableHoldsCount(2)
                .institutionId("MAIN").patronIdentifier("21234567890").personalName("Doe, Jane")
                .validPatron(true).validPatronPassword(true).currencyType(CurrencyType.USD).feeAmount("2.50")
                .chargedItems(List.of("31234000111", "31234000222", "31234000333", "31234000444", "31234000555"))
                .emailAddress("jane@example.org").screenMessages("Welcome back")
                .build();
        response12 = CheckoutResponse.builder()
                .ok(true).renewalOk(false).magneticMedia(Tristate.NO).desensitize(Tristate.YES).transactionDate(when)
                .institutionId("MAIN").patronIdentifier("21234567890").itemIdentifier("31234000111")
                .titleIdentifier("The Hobbit").dueDate("20240508    235900").feeType(FeeType.OVERDUE)
                .mediaType(MediaType.BOOK).screenMessages("Due 8 May")
                .build();
        patronStatus23 = direct(PATRON_STATUS_23);
        checkout11 = direct(CHECKOUT_11);
        patronInformation64 = direct(frame(serverWriter.toBytes(response64, ErrorDetection.sequence(3), SETTINGS)));
        checkout12 = direct(frame(serverWriter.toBytes(response12, ErrorDetection.sequence(4), SETTINGS)));
        request23 = ((DecodedMessage) serverReader.read(patronStatus23, SETTINGS)).message();
        request11 = ((DecodedMessage) serverReader.read(checkout11, SETTINGS)).message();
        out = Unpooled.buffer(1024);
    }

    private static String frame(byte[] withCr) {
        return new String(withCr, 0, withCr.length - 1, CP850);
    }

    private static ByteBuf direct(String frame) {
        byte[] bytes = frame.getBytes(CP850);
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        patronStatus23.release();
        checkout11.release();
        patronInformation64.release();
        checkout12.release();
        out.release();
    }

    @Benchmark
    public Sip2Inbound decode23PatronStatusRequest() {
        return serverReader.read(patronStatus23, SETTINGS);
    }

    @Benchmark
    public int encode23PatronStatusRequest() {
        out.clear();
        clientWriter.write(request23, ErrorDetection.sequence(2), SETTINGS, out);
        return out.writerIndex();
    }

    @Benchmark
    public Sip2Inbound decode64PatronInformationResponse() {
        return clientReader.read(patronInformation64, SETTINGS);
    }

    @Benchmark
    public int encode64PatronInformationResponse() {
        out.clear();
        serverWriter.write(response64, ErrorDetection.sequence(3), SETTINGS, out);
        return out.writerIndex();
    }

    @Benchmark
    public Sip2Inbound decode11CheckoutRequest() {
        return serverReader.read(checkout11, SETTINGS);
    }

    @Benchmark
    public int encode11CheckoutRequest() {
        out.clear();
        clientWriter.write(request11, ErrorDetection.sequence(4), SETTINGS, out);
        return out.writerIndex();
    }

    @Benchmark
    public Sip2Inbound decode12CheckoutResponse() {
        return clientReader.read(checkout12, SETTINGS);
    }

    @Benchmark
    public int encode12CheckoutResponse() {
        out.clear();
        serverWriter.write(response12, ErrorDetection.sequence(4), SETTINGS, out);
        return out.writerIndex();
    }
}
