package org.circgate.sip2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circgate.sip2.codec.Sip2CodecTestUtil.byteBufOf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import org.circgate.sip2.Sip2CodecSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Framing rules: CR terminates (sip2.md 1.1), CRLF and stray LF tolerated (sip2.md 3.2), fail-fast length limit. */
class Sip2FrameDecoderTest {

    private static final Sip2CodecSettings SMALL = Sip2CodecSettings.DEFAULTS.withMaxFrameLength(64);

    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(new Sip2FrameDecoder(SMALL));
    }

    @AfterEach
    void tearDown() {
        assertThat(channel.finish()).as("nothing left unread").isFalse();
    }

    private String readFrame() {
        ByteBuf frame = channel.readInbound();
        assertThat(frame).isNotNull();
        try {
            return frame.toString(StandardCharsets.US_ASCII);
        } finally {
            frame.release();
        }
    }

    @Test
    @DisplayName("sip2.md 1.1: a frame ends at CR; byte by byte, nothing is emitted before the CR")
    void byteByByte() {
        String message = "9900302.00AY1AZFCA5";
        for (char c : message.toCharArray()) {
            assertThat(channel.writeInbound(byteBufOf(String.valueOf(c)))).isFalse();
        }
        assertThat(channel.writeInbound(byteBufOf("\r"))).isTrue();
        assertThat(readFrame()).isEqualTo(message);
    }

    @Test
    @DisplayName("two messages in one buffer are two frames, in order")
    void twoInOneBuffer() {
        assertThat(channel.writeInbound(byteBufOf("9900302.00AY1AZFCA5\r941AY0AZFDFD\r"))).isTrue();
        assertThat(readFrame()).isEqualTo("9900302.00AY1AZFCA5");
        assertThat(readFrame()).isEqualTo("941AY0AZFDFD");
    }

    @Test
    @DisplayName("a message split across buffers, with the next one starting in the same buffer")
    void splitAcrossBuffers() {
        assertThat(channel.writeInbound(byteBufOf("99003"))).isFalse();
        assertThat(channel.writeInbound(byteBufOf("02.00AY1AZ"))).isFalse();
        assertThat(channel.writeInbound(byteBufOf("FCA5\r94"))).isTrue();
        assertThat(readFrame()).isEqualTo("9900302.00AY1AZFCA5");
        assertThat(channel.writeInbound(byteBufOf("1\r"))).isTrue();
        assertThat(readFrame()).isEqualTo("941");
    }

    @Test
    @DisplayName("sip2.md 3.2: CRLF (Cen-Tec, Koha default), LF-only and blank lines give no empty frames")
    void crlfAndStrayLf() {
        assertThat(channel.writeInbound(byteBufOf("941\r\n\n\r\n940\n\r942\r"))).isTrue();
        assertThat(readFrame()).isEqualTo("941");
        assertThat(readFrame()).isEqualTo("940");
        assertThat(readFrame()).isEqualTo("942");
    }

    @Test
    @DisplayName("a CRLF split between buffers does not produce an empty frame")
    void crlfSplit() {
        assertThat(channel.writeInbound(byteBufOf("941\r"))).isTrue();
        assertThat(readFrame()).isEqualTo("941");
        assertThat(channel.writeInbound(byteBufOf("\n"))).isFalse();
        assertThat(channel.writeInbound(byteBufOf("940\r"))).isTrue();
        assertThat(readFrame()).isEqualTo("940");
    }

    @Test
    @DisplayName("issue 3: overflow fails fast, before the terminator arrives, with TooLongFrameException")
    void overflowFailsFastBeforeTerminator() {
        String tooLong = "23" + "x".repeat(70);
        assertThatThrownBy(() -> channel.writeInbound(byteBufOf(tooLong)))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("SIP2 frame longer than 64 bytes; discarded up to the next CR");
        // The rest of the long frame is discarded; the next message decodes normally.
        assertThat(channel.writeInbound(byteBufOf("more junk\r941\r"))).isTrue();
        assertThat(readFrame()).isEqualTo("941");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    @DisplayName("an overlong frame that arrives whole does not hold back the message pipelined behind it")
    void overflowWithPipelinedMessage() {
        ByteBuf both = Unpooled.copiedBuffer("23" + "x".repeat(70) + "\r941\r", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> channel.writeInbound(both)).isInstanceOf(TooLongFrameException.class);
        assertThat(readFrame()).isEqualTo("941");
    }

    @Test
    @DisplayName("a frame of exactly the maximum length is accepted")
    void exactlyMaximum() {
        String max = "9" + "1".repeat(63);
        assertThat(channel.writeInbound(byteBufOf(max + "\r"))).isTrue();
        assertThat(readFrame()).isEqualTo(max);
    }

    @Test
    @DisplayName("the limit is read from the channel's settings, so it can change per connection")
    void limitFollowsChannelSettings() {
        Sip2CodecSettings.apply(channel, SMALL.withMaxFrameLength(128));
        String line = "9" + "1".repeat(100);
        assertThat(channel.writeInbound(byteBufOf(line + "\r"))).isTrue();
        assertThat(readFrame()).isEqualTo(line);
    }
}
