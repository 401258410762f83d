/**
 * API-key authentication and roles.
 */
package com.bmo.learning.service.auth;
