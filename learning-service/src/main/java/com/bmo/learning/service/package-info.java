/**
 * The documents service's Spring Boot application.
 */
package com.bmo.learning.service;
