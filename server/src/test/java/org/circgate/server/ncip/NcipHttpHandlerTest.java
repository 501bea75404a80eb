package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NcipHttpHandlerTest {

    @Test
    @DisplayName("Paths: /ncip and /ncip/ carry no key, /ncip/KEY carries one, anything else is not ours")
    void paths() {
        assertThat(NcipHttpHandler.pathKey("/ncip")).isEmpty();
        assertThat(NcipHttpHandler.pathKey("/ncip/")).isEmpty();
        assertThat(NcipHttpHandler.pathKey("/ncip/abc")).isEqualTo("abc");
        assertThat(NcipHttpHandler.pathKey("/ncip/abc/")).isEqualTo("abc");
        assertThat(NcipHttpHandler.pathKey("/ncip/a/b")).isNull();
        assertThat(NcipHttpHandler.pathKey("/ncipx")).isNull();
        assertThat(NcipHttpHandler.pathKey("/")).isNull();
    }

    @Test
    @DisplayName("The key is taken from the path, else ?apikey=, else Authorization: apikey (any case)")
    void keySources() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/ncip");
        try {
            assertThat(NcipHttpHandler.apiKey("", new QueryStringDecoder("/ncip"), request)).isNull();
            assertThat(NcipHttpHandler.apiKey("p", new QueryStringDecoder("/ncip/p?apikey=q"), request)).isEqualTo("p");
            assertThat(NcipHttpHandler.apiKey("", new QueryStringDecoder("/ncip?apikey=q"), request)).isEqualTo("q");
            request.headers().set("Authorization", "APIKEY  h ");
            assertThat(NcipHttpHandler.apiKey("", new QueryStringDecoder("/ncip"), request)).isEqualTo("h");
            request.headers().set("Authorization", "Bearer h");
            assertThat(NcipHttpHandler.apiKey("", new QueryStringDecoder("/ncip"), request)).isNull();
        } finally {
            request.release();
        }
    }

    @Test
    @DisplayName("Content types: application/xml and text/xml with any parameters; the charset parameter is passed to "
            + "the reader (RFC 7303: it overrides the XML declaration)")
    void contentTypes() {
        assertThat(NcipHttpHandler.xml("application/xml")).isTrue();
        assertThat(NcipHttpHandler.xml("Text/XML; charset=\"ISO-8859-1\"")).isTrue();
        assertThat(NcipHttpHandler.xml("application/json")).isFalse();
        assertThat(NcipHttpHandler.xml(null)).isFalse();
        assertThat(NcipHttpHandler.charset("text/xml; charset=\"ISO-8859-1\"")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(NcipHttpHandler.charset("text/xml;charset='utf-8'")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(NcipHttpHandler.charset("text/xml")).isNull();
        assertThat(NcipHttpHandler.charset("text/xml; charset=klingon")).isNull();
    }
}
