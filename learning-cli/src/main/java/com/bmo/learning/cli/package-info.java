/**
 * The operator command line over the service's HTTP API.
 */
package com.bmo.learning.cli;
