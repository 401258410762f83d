/**
 * HTTP controllers and the problem+json error mapping of the /api/v1 API.
 */
package com.bmo.learning.service.api;
