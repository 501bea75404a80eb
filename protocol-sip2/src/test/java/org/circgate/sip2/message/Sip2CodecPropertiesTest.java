package org.circgate.sip2.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.constraints.Size;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2Checksum;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.codec.Sip2ClientCodec;
import org.circgate.sip2.codec.Sip2ServerCodec;

/** Issue 3 properties: encode → decode is the identity for every message type; decoding never throws. */
class Sip2CodecPropertiesTest {

    @Provide
    Arbitrary<Tuple3<Sip2CodecSettings, Sip2Message, ErrorDetection>> cases() {
        Arbitrary<Class<?>> types = Arbitraries.of(Sip2Arbitraries.ALL_TYPES);
        return Combinators.combine(Sip2Arbitraries.settings(), types).as(Tuple::of)
                .flatMap(t -> Combinators.combine(Sip2Arbitraries.messages(t.get2(), t.get1()),
                        Sip2Arbitraries.trailer(t.get1())).as((m, ed) -> Tuple.of(t.get1(), m, ed)));
    }

    private static Sip2Role sender(Sip2Message message) {
        return message.command().isRequest() ? Sip2Role.CLIENT : Sip2Role.SERVER;
    }

    private static Sip2Role receiver(Sip2Message message) {
        return message.command().isRequest() ? Sip2Role.SERVER : Sip2Role.CLIENT;
    }

    private static ErrorDetection expectedTrailer(Sip2Message message, ErrorDetection written) {
        boolean shortForm = message.command() == Sip2Command.REQUEST_ACS_RESEND
                || message.command() == Sip2Command.REQUEST_SC_RESEND;
        return shortForm && written.isEnabled() ? ErrorDetection.checksumOnly() : written;
    }

    @Property(tries = 1000)
    @Label("issue 3: encode -> decode is the identity for every message type, charset, delimiter and trailer")
    void encodeThenDecodeIsIdentity(@ForAll("cases") Tuple3<Sip2CodecSettings, Sip2Message, ErrorDetection> c) {
        Sip2CodecSettings settings = c.get1();
        Sip2Message message = c.get2();
        byte[] bytes = new Sip2MessageWriter(sender(message)).toBytes(message, c.get3(), settings);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\r');
        for (int i = 0; i < bytes.length - 1; i++) {
            assertThat(bytes[i]).as("no CR/LF inside a message").isNotIn((byte) '\r', (byte) '\n');
        }

        Sip2Inbound inbound = new Sip2MessageReader(receiver(message)).read(bytes, 0, bytes.length - 1, settings);

        assertThat(inbound).isInstanceOf(DecodedMessage.class);
        DecodedMessage decoded = (DecodedMessage) inbound;
        assertThat(decoded.message()).isEqualTo(message);
        assertThat(decoded.errorDetection()).isEqualTo(expectedTrailer(message, c.get3()));
        if (c.get3().isEnabled()) {
            assertThat(Sip2Checksum.verify(bytes, 0, bytes.length - 5, decoded.receivedChecksum())).isTrue();
        }
    }

    @Property(tries = 500)
    @Label("issue 3: the same holds through the Netty codecs, whatever the TCP chunking")
    void roundTripThroughPipelines(@ForAll("cases") Tuple3<Sip2CodecSettings, Sip2Message, ErrorDetection> c,
            @ForAll @Size(max = 4) List<@net.jqwik.api.constraints.IntRange(min = 1, max = 40) Integer> cuts) {
        Sip2Message message = c.get2();
        EmbeddedChannel sender = message.command().isRequest() ? new EmbeddedChannel(new Sip2ClientCodec(c.get1()))
                : new EmbeddedChannel(new Sip2ServerCodec(c.get1()));
        EmbeddedChannel receiver = message.command().isRequest() ? new EmbeddedChannel(new Sip2ServerCodec(c.get1()))
                : new EmbeddedChannel(new Sip2ClientCodec(c.get1()));
        sender.writeOutbound(Sip2Outbound.of(message, c.get3()));
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf b; (b = sender.readOutbound()) != null; ) {
            wire.writeBytes(b);
            b.release();
        }
        for (int cut : cuts) {
            int n = Math.min(cut, wire.readableBytes());
            receiver.writeInbound(wire.readRetainedSlice(n));
        }
        receiver.writeInbound(wire);
        DecodedMessage decoded = receiver.readInbound();
        assertThat(decoded.message()).isEqualTo(message);
        assertThat((Object) receiver.readInbound()).isNull();
        assertThat(sender.finish()).isFalse();
        assertThat(receiver.finish()).isFalse();
    }

    @Provide
    Arbitrary<byte[]> sipLikeNoise() {
        Arbitrary<String> codes = Arbitraries.of(Sip2Command.values()).map(Sip2Command::code);
        Arbitrary<String> tail = Arbitraries.strings().withChars("0123456789 AYZ|YNU+-*abcdefgBCDFGHIJKLMNOPQRSTUVWX^~"
                + "\u0000\u00ff\u00e4").ofMaxLength(120);
        return Combinators.combine(codes, tail).as((a, b) -> (a + b).getBytes(Sip2Arbitraries.CP850));
    }

    @Property(tries = 3000)
    @Label("issue 3: decoding never throws on arbitrary bytes, in either role")
    void decodingNeverThrows(@ForAll byte[] bytes, @ForAll("settingsArbitrary") Sip2CodecSettings settings) {
        for (Sip2Role role : Sip2Role.values()) {
            Sip2Inbound inbound = new Sip2MessageReader(role).read(bytes, 0, bytes.length, settings);
            assertThat(inbound).isNotNull();
        }
    }

    @Property(tries = 3000)
    @Label("issue 3: decoding never throws on SIP-shaped noise, and what decodes re-encodes and decodes again")
    void sipShapedNoise(@ForAll("sipLikeNoise") byte[] bytes, @ForAll("settingsArbitrary") Sip2CodecSettings s) {
        for (Sip2Role role : Sip2Role.values()) {
            Sip2Inbound inbound = new Sip2MessageReader(role).read(bytes, 0, bytes.length, s);
            if (inbound instanceof DecodedMessage) {
                Sip2Message message = ((DecodedMessage) inbound).message();
                Sip2Role sender = role == Sip2Role.SERVER ? Sip2Role.CLIENT : Sip2Role.SERVER;
                byte[] again = new Sip2MessageWriter(sender).toBytes(message, ErrorDetection.sequence(1), s);
                Sip2Inbound reread = new Sip2MessageReader(role).read(again, 0, again.length - 1, s);
                assertThat(reread).isInstanceOf(DecodedMessage.class);
                assertThat(reread.command()).isEqualTo(message.command());
            } else {
                assertThat(((InvalidMessage) inbound).maskedText()).isNotNull();
            }
        }
    }

    @Provide
    Arbitrary<Sip2CodecSettings> settingsArbitrary() {
        return Sip2Arbitraries.settings();
    }

    @Property(tries = 300)
    @Label("issue 3: the server pipeline turns any byte stream into values; only overflow is an exception")
    void pipelineNeverThrowsButOverflow(@ForAll @Size(max = 6) List<byte[]> chunks) {
        List<Throwable> exceptions = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(
                new Sip2ServerCodec(Sip2CodecSettings.DEFAULTS.withMaxFrameLength(64)),
                new io.netty.channel.ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
                        exceptions.add(cause);
                    }
                });
        List<Object> received = new ArrayList<>();
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            for (Object msg; (msg = channel.readInbound()) != null; ) {
                received.add(msg);
            }
        }
        assertThat(received).allMatch(m -> m instanceof Sip2Inbound);
        assertThat(exceptions).allMatch(e -> e instanceof TooLongFrameException);
        assertThat(channel.isActive()).isTrue();
        channel.finishAndReleaseAll();
    }
}
