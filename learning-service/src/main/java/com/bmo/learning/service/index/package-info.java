/**
 * Adapters that bind the service's search and backup ports to learning-search.
 */
package com.bmo.learning.service.index;
