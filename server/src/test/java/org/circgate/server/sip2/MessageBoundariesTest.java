package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The message deadline (config sip2.messageTimeoutSeconds) and the drain's message boundaries (issue 8). */
class MessageBoundariesTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new MessageBoundaries(Duration.ofSeconds(1)));

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
        for (ByteBuf passed = channel.readInbound(); passed != null; passed = channel.readInbound()) {
            passed.release();   // the bytes go on unchanged to the codec
        }
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    @Test
    @DisplayName("a message not complete within the message timeout of its first byte closes the connection")
    void incompleteMessageClosesAtTheDeadline() {
        receive("9900");
        advance(900);
        assertThat(channel.isOpen()).isTrue();
        receive("30");
        advance(200);
        assertThat(channel.isOpen()).isFalse();
        assertThat(CloseReasons.of(channel)).isEqualTo(CloseReason.MESSAGE_DEADLINE);
    }

    @Test
    @DisplayName("complete messages (CR, CRLF or LF ended, split over reads) never trip the deadline")
    void completeMessagesKeepTheConnection() {
        receive("9900302.00\r\n");
        receive("99003");
        receive("02.00\r");
        receive("9900302.00\n");
        advance(5_000);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("the deadline runs from the first byte of each message, also when it starts in the same read "
            + "that ended the previous one")
    void deadlineRestartsWithEachMessage() {
        receive("99");
        advance(800);
        receive("00302.00\r99");
        advance(800);
        assertThat(channel.isOpen()).as("1.6 s after the first message began, 0.8 s into the second").isTrue();
        advance(300);
        assertThat(channel.isOpen()).isFalse();
        assertThat(CloseReasons.of(channel)).isEqualTo(CloseReason.MESSAGE_DEADLINE);
    }

    @Test
    @DisplayName("drain: a connection between messages closes at once, stops reading and counts as drain")
    void drainClosesAnIdleConnectionAtOnce() {
        receive("9900302.00\r");
        MessageBoundaries.closeAtBoundary(channel);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(CloseReasons.of(channel)).isEqualTo(CloseReason.DRAIN);
    }

    @Test
    @DisplayName("drain: a half-received message is read to its end and passed on before the connection closes")
    void drainWaitsForTheMessageInProgress() {
        receive("11NN20261122    101500");
        MessageBoundaries.closeAtBoundary(channel);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("still receiving a message").isTrue();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.writeInbound(Unpooled.copiedBuffer("                  AOX|AAP|ABI|AC|\r",
                StandardCharsets.ISO_8859_1));
        ByteBuf rest = channel.readInbound();
        assertThat(rest.toString(StandardCharsets.ISO_8859_1)).endsWith("AC|\r");
        rest.release();
        assertThat(channel.isOpen()).as("closed once the message is complete").isFalse();
        assertThat(CloseReasons.of(channel)).isEqualTo(CloseReason.DRAIN);
    }

    @Test
    @DisplayName("the message timeout is validated (issue rule: every limit validated in the constructor)")
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new MessageBoundaries(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageBoundaries(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
