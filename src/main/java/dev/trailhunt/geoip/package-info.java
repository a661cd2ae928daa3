/**
 * Owns GeoIP and ASN enrichment of {@code source.ip} from MaxMind-format databases, as Elastic's geoip processor does; may import model.
 *
 * <p>Only this package uses MaxMind's reader ({@code com.maxmind.}); lookups are cached per distinct address.
 */
package dev.trailhunt.geoip;
