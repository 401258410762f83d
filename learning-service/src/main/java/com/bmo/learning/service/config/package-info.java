/**
 * Configuration properties, AWS clients and secrets as Spring property sources.
 */
package com.bmo.learning.service.config;
