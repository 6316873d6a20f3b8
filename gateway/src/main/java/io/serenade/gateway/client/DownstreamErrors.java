package io.serenade.gateway.client;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Sorts a service's error answers into rejections (4xx, the client's fault) and failures (5xx). */
public class DownstreamErrors implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            response.bufferEntity();
            return new DownstreamRejection(status, response.readEntity(String.class));
        }
        return new DownstreamFailure(String.valueOf(response.getLocation()), status);
    }
}
