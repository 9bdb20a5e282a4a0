/**
 * A server-rendered page for the end-to-end benchmark, as many Boot applications have: a Thymeleaf template that
 * lists products read through a JPA repository (H2 in memory) and references stylesheets, a script and an image that
 * Boot's static resource handling serves.
 */
@NullMarked
package dev.observability.e2e.pages;

import org.jspecify.annotations.NullMarked;
