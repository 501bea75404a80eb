package org.circgate.sip2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2MessageReader;
import org.circgate.sip2.message.Sip2MessageWriter;

/**
 * Fuzzes the whole decoder pipeline (framer + decoder, both roles). Oracle: only {@link TooLongFrameException} ever
 * surfaces, every emitted object is a {@link Sip2Inbound}, and whatever decodes can be re-encoded and decoded again
 * as the same command.
 *
 * <p>Runs in regression mode (seed corpus in {@code Sip2DecoderFuzzTestInputs/}) in every build. To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -B -pl protocol-sip2 test -Dtest=Sip2DecoderFuzzTest}
 * (stops after {@code maxDuration}; new findings land in the inputs directory as regression seeds).
 */
class Sip2DecoderFuzzTest {

    private static final Charset[] CHARSETS = {Charset.forName("IBM850"), StandardCharsets.ISO_8859_1,
        StandardCharsets.UTF_8};

    @FuzzTest(maxDuration = "10m")
    void decoderPipeline(byte[] input) {
        if (input.length == 0) {
            return;
        }
        // First byte: settings and chunk size, so the fuzzer explores both.
        int control = input[0] & 0xFF;
        Sip2CodecSettings settings = new Sip2CodecSettings(CHARSETS[control % 3], (control & 4) == 0 ? '|' : '^',
                (control & 8) == 0 ? ErrorDetectionMode.AUTO : ErrorDetectionMode.REQUIRED, (control & 16) != 0,
                Sip2CodecSettings.MIN_FRAME_LENGTH * (1 + (control >> 6)));
        int chunk = 1 + (control >> 5 & 1) * 15;
        byte[] data = Arrays.copyOfRange(input, 1, input.length);

        for (Sip2Role role : Sip2Role.values()) {
            EmbeddedChannel channel = new EmbeddedChannel(new Sip2MessageDecoder(role, settings),
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            if (!(cause instanceof TooLongFrameException)) {
                                throw new AssertionError("unexpected exception from the decoder", cause);
                            }
                        }

                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            assertThat(msg).isInstanceOf(Sip2Inbound.class);
                            if (msg instanceof DecodedMessage) {
                                reencode((DecodedMessage) msg, role, settings);
                            }
                        }
                    });
            for (int i = 0; i < data.length; i += chunk) {
                channel.writeInbound(Unpooled.wrappedBuffer(data, i, Math.min(chunk, data.length - i)));
            }
            channel.finishAndReleaseAll();
        }
    }

    private static void reencode(DecodedMessage decoded, Sip2Role role, Sip2CodecSettings settings) {
        Sip2Role sender = role == Sip2Role.SERVER ? Sip2Role.CLIENT : Sip2Role.SERVER;
        byte[] bytes = new Sip2MessageWriter(sender).toBytes(decoded.message(), ErrorDetection.sequence(5), settings);
        Sip2Inbound again = new Sip2MessageReader(role).read(bytes, 0, bytes.length - 1, settings);
        assertThat(again).isInstanceOf(DecodedMessage.class);
        assertThat(again.command()).isEqualTo(decoded.command());
    }
}
