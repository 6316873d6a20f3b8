package io.serenade.gateway.rest;

import io.serenade.gateway.api.AssistantContext;
import io.serenade.gateway.service.AssistantContextService;
import io.serenade.gateway.service.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** The minimal summary of the caller an AI assistant may be given, only with the assistant-context purpose granted. */
@Path("/api/v1/me/assistant-context")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantContextResource {

    private final Caller caller;
    private final AssistantContextService assistant;

    public AssistantContextResource(Caller caller, AssistantContextService assistant) {
        this.caller = caller;
        this.assistant = assistant;
    }

    @GET
    @Operation(summary = "Top genres and themes, recent titles, language and maturity, each labelled with its purpose and source",
            description = "403 consent-required (naming the purpose) without assistant-context granted. Serenade-Request-Id "
                    + "names the use in the caller's data-use log.")
    public Uni<RestResponse<AssistantContext>> context() {
        return caller.userId().flatMap(assistant::context).map(MeResource::withRequestId);
    }
}
