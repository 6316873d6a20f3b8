package io.serenade.gateway.rest;

/**
 * Paging query parameters, matched as text: a JAX-RS int parameter that does not parse is a 404, and a
 * malformed query is the client's bad input (400 naming the parameter).
 */
final class Paging {

    static final String PAGE = "0|[1-9][0-9]{0,5}";
    static final String PAGE_MESSAGE = "must be a page number from 0";
    static final String SIZE_100 = "[1-9]|[1-9][0-9]|100";
    static final String SIZE_100_MESSAGE = "must be a page size from 1 to 100";
    static final String SIZE_200 = "[1-9]|[1-9][0-9]|1[0-9][0-9]|200";
    static final String SIZE_200_MESSAGE = "must be a page size from 1 to 200";
    static final String SIZE_500 = "[1-9]|[1-9][0-9]|[1-4][0-9][0-9]|500";
    static final String SIZE_500_MESSAGE = "must be a page size from 1 to 500";

    private Paging() {
    }
}
