/**
 * The service's search port and its query and hit types.
 */
package com.bmo.learning.service.search;
