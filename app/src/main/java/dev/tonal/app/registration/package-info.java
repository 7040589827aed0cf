/**
 * The registrar's storage: phone extensions' HA1 and registered devices in the database
 * (every node sees every binding), and the beans that configure the registrar.
 */
package dev.tonal.app.registration;
