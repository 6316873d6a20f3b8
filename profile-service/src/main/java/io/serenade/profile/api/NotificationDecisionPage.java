package io.serenade.profile.api;

import java.util.List;

/** A page of a user's pacing decisions, newest first, with the total. */
public record NotificationDecisionPage(List<NotificationDecisionView> items, int page, int size, long total) {
}
