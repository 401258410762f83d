package com.bmo.learning.service.documents;

import java.util.List;

/** One page of a listing, newest first. */
public record DocumentPage(List<Document> items, int page, int size, long total) {
}
